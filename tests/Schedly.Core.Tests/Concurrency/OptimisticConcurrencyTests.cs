using Schedly.Core.Concurrency;

namespace Schedly.Core.Tests.Concurrency;

public sealed class OptimisticConcurrencyTests
{
    [Fact]
    public async Task RunAsync_ConflictsThenAnswer_ReturnsTheAnswerAfterRereading()
    {
        var attempts = 0;

        var answer = await OptimisticConcurrency.RunAsync<string>("Test change", _ =>
            Task.FromResult(++attempts < 3 ? Attempt<string>.Conflict : "done"), CancellationToken.None);

        Assert.Equal("done", answer);
        Assert.Equal(3, attempts);
    }

    [Fact]
    public async Task RunAsync_AlwaysConflicting_GivesUpAfterTheBoundWithTheChangeNamed()
    {
        var attempts = 0;

        var e = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => OptimisticConcurrency.RunAsync<int>("Test change", _ =>
        {
            attempts++;
            return Task.FromResult(Attempt<int>.Conflict);
        }, CancellationToken.None));

        Assert.Equal(OptimisticConcurrency.MaxAttempts, attempts);
        Assert.StartsWith("Test change kept conflicting", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_NullAnswer_IsAnAnswerNotAConflict()
    {
        var attempts = 0;

        var answer = await OptimisticConcurrency.RunAsync<string?>("Test change", _ =>
        {
            attempts++;
            return Task.FromResult<Attempt<string?>>(null);
        }, CancellationToken.None);

        Assert.Null(answer);
        Assert.Equal(1, attempts);
    }
}
