using Schedly.Core.Hosts;
using Schedly.Core.Teams.Collective;

namespace Schedly.IntegrationTests.Teams;

/// <summary>The process dying at one storage operation of the collective protocol: before it reaches storage, or after.</summary>
public sealed class InjectedCrashException : Exception
{
    public InjectedCrashException()
        : base("Injected crash.")
    {
    }

    public InjectedCrashException(string message)
        : base(message)
    {
    }

    public InjectedCrashException(string message, Exception inner)
        : base(message, inner)
    {
    }
}

/// <summary>
/// Wraps the real store and kills the "process" at operation <see cref="CrashAt"/> (1-based): before the operation
/// reaches storage, or with <see cref="CrashAfterEffect"/> after it took effect but before its answer came back.
/// </summary>
public sealed class CrashingCollectiveStore(ICollectiveStore inner) : ICollectiveStore
{
    public int? CrashAt { get; init; }

    public bool CrashAfterEffect { get; init; }

    /// <summary>Operations begun so far.</summary>
    public int Operations { get; private set; }

    public Task CreateIntentAsync(CollectiveIntent intent, CancellationToken cancellationToken) =>
        RunAsync(() => inner.CreateIntentAsync(intent, cancellationToken));

    public Task<Versioned<CollectiveIntent>?> ReadIntentAsync(string id, CancellationToken cancellationToken) =>
        RunAsync(() => inner.ReadIntentAsync(id, cancellationToken));

    public Task<bool> TryReplaceIntentAsync(Versioned<CollectiveIntent> current, CollectiveIntent next, CancellationToken cancellationToken) =>
        RunAsync(() => inner.TryReplaceIntentAsync(current, next, cancellationToken));

    public Task<HoldOutcome> TryHoldAsync(HostSlug member, CollectiveIntent intent, CancellationToken cancellationToken) =>
        RunAsync(() => inner.TryHoldAsync(member, intent, cancellationToken));

    public Task ConfirmHoldAsync(HostSlug member, CollectiveIntent intent, CancellationToken cancellationToken) =>
        RunAsync(() => inner.ConfirmHoldAsync(member, intent, cancellationToken));

    public Task ReleaseHoldAsync(HostSlug member, CollectiveIntent intent, CancellationToken cancellationToken) =>
        RunAsync(() => inner.ReleaseHoldAsync(member, intent, cancellationToken));

    public Task CancelMemberAsync(HostSlug member, CollectiveIntent intent, CancellationToken cancellationToken) =>
        RunAsync(() => inner.CancelMemberAsync(member, intent, cancellationToken));

    private async Task RunAsync(Func<Task> operation) => await RunAsync(async () =>
    {
        await operation();
        return true;
    });

    private async Task<T> RunAsync<T>(Func<Task<T>> operation)
    {
        Operations++;
        if (Operations == CrashAt && !CrashAfterEffect)
        {
            throw new InjectedCrashException();
        }

        var result = await operation();
        return Operations == CrashAt ? throw new InjectedCrashException() : result;
    }
}
