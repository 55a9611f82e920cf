using System.Net;
using Azure.Storage.Queues;
using Schedly.IntegrationTests.Infrastructure;

namespace Schedly.IntegrationTests.Runner;

/// <summary>Each trigger kind, hosted by the local runner over real sockets and a real Azurite.</summary>
public sealed class LocalRunnerTriggerTests(RunnerFixture fixture) : IClassFixture<RunnerFixture>
{
    [Fact]
    public async Task HttpTrigger_RouteWithPrefixAndValues_BindsAndRuns()
    {
        using var response = await fixture.Client.GetAsync("/api/echo/grace/42");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.Equal("grace", body.GetProperty("name").GetString());
        Assert.Equal(42, body.GetProperty("count").GetInt32());
        Assert.Equal("GET", body.GetProperty("method").GetString());
    }

    [Fact]
    public async Task HttpTrigger_SecondDeclaredMethod_IsServed()
    {
        using var response = await fixture.Client.PostAsync("/api/echo/ada/1", null);
        Assert.Equal("POST", (await response.ReadJsonAsync()).GetProperty("method").GetString());
    }

    [Fact]
    public async Task HttpTrigger_UndeclaredMethodOrRoute_IsNotServed()
    {
        using var delete = await fixture.Client.DeleteAsync("/api/echo/ada/1");
        using var constraint = await fixture.Client.GetAsync("/api/echo/ada/not-a-number");
        using var unprefixed = await fixture.Client.GetAsync("/echo/ada/1");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, delete.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, constraint.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unprefixed.StatusCode);
    }

    [Fact]
    public async Task HttpTrigger_FunctionThrows_Is500ProblemWithoutInternals()
    {
        using var response = await fixture.Client.GetAsync("/api/throws");

        var problem = await response.AssertProblemAsync(500, "internal-error");
        Assert.DoesNotContain("secret internals", problem.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task QueueTrigger_MessageThatAlwaysFails_EndsInPoisonAfterExactlyMaxDequeueCountWhileOthersFlow()
    {
        var queue = new QueueClient(fixture.Azurite.ConnectionString, RunnerTestFunctions.MixedQueue, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        var poison = new QueueClient(fixture.Azurite.ConnectionString, RunnerTestFunctions.MixedQueue + "-poison", new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        await queue.CreateIfNotExistsAsync();
        await queue.SendMessageAsync(RunnerTestFunctions.PoisonPayload);
        var good = Enumerable.Range(1, 12).Select(i => $"ok-{i}").ToList();
        foreach (var message in good)
        {
            await queue.SendMessageAsync(message);
        }

        await fixture.Recorder.WaitUntilAsync(r => good.All(m => r.Count("MixedQueueWorker", m) >= 1), TimeSpan.FromSeconds(30));
        await WaitForPoisonAsync(poison, TimeSpan.FromSeconds(30));
        await Task.Delay(1500); // would reveal a further, unwanted attempt

        Assert.Equal(RunnerFixture.MaxDequeueCount, fixture.Recorder.Count("MixedQueueWorker", RunnerTestFunctions.PoisonPayload));
        Assert.All(good, m => Assert.Equal(1, fixture.Recorder.Count("MixedQueueWorker", m)));
        var poisoned = (await poison.ReceiveMessagesAsync(32)).Value;
        Assert.Equal(RunnerTestFunctions.PoisonPayload, Assert.Single(poisoned).Body.ToString());
        Assert.Equal(0, (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }

    [Fact]
    public async Task TimerTrigger_EverySecondSchedule_FiresRepeatedlyWithScheduleStatus()
    {
        var before = fixture.Recorder.Count("EverySecond");

        await fixture.Recorder.WaitUntilAsync(r => r.Count("EverySecond") >= before + 2, TimeSpan.FromSeconds(10));

        Assert.DoesNotContain(fixture.Recorder.Calls, c => c.Function == "EverySecond" && c.Payload == "no-status");
    }

    [Fact]
    public void Catalog_DiscoversEveryTestFunctionByTriggerKind()
    {
        var catalog = fixture.Runner.Catalog;
        Assert.Equal(["EchoRoute", "Throws"], catalog.Http.Select(f => f.Name).Order().ToArray());
        Assert.Equal("MixedQueueWorker", Assert.Single(catalog.Queues).Name);
        Assert.Equal("EverySecond", Assert.Single(catalog.Timers).Name);
    }

    private static async Task WaitForPoisonAsync(QueueClient poison, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!(await poison.ExistsAsync()).Value || (await poison.GetPropertiesAsync()).Value.ApproximateMessagesCount == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "the failing message never reached the poison queue");
            await Task.Delay(100);
        }
    }
}
