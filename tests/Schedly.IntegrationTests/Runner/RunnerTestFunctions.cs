using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Schedly.Functions.Http;

namespace Schedly.IntegrationTests.Runner;

/// <summary>
/// Functions written exactly as Schedly's are (attributes, constructor injection), hosted by the
/// runner under test to exercise each trigger kind.
/// </summary>
public sealed class RunnerTestFunctions(TriggerRecorder recorder)
{
    public const string MixedQueue = "runner-test-mixed";
    public const string PoisonPayload = "always-fails";

    [Function("EchoRoute")]
    public IActionResult Echo(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = "echo/{name}/{count:int}")] HttpRequest request,
        string name,
        int count,
        CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        recorder.Record("EchoRoute", name);
        return JsonBody.Ok(new { name, count, method = request.Method });
    }

    [Function("Throws")]
    public IActionResult Throws([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "throws")] HttpRequest request) =>
        throw new InvalidOperationException("secret internals " + request.Path);

    [Function("MixedQueueWorker")]
    public async Task ProcessMixed([QueueTrigger(MixedQueue)] string message, CancellationToken cancellationToken)
    {
        recorder.Record("MixedQueueWorker", message);
        await Task.Delay(10, cancellationToken);
        if (message == PoisonPayload)
        {
            throw new InvalidOperationException("This message always fails.");
        }
    }

    [Function("EverySecond")]
    public void Tick([TimerTrigger("%RunnerTestTimerSchedule%")] TimerInfo timer)
    {
        recorder.Record("EverySecond", timer.ScheduleStatus is null ? "no-status" : timer.ScheduleStatus.Next.ToString("O"));
    }
}
