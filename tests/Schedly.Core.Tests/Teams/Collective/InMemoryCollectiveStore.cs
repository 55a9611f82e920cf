using NodaTime;
using Schedly.Core.Hosts;
using Schedly.Core.Teams.Collective;

namespace Schedly.Core.Tests.Teams.Collective;

/// <summary>Thrown by <see cref="InMemoryCollectiveStore"/> to stand for the process dying at that point.</summary>
public sealed class InjectedCrashException() : Exception("crash injected");

/// <summary>
/// The collective store's contract in memory, for core tests: each operation is atomic (one lock), as one conditional
/// transaction in one partition is. Crash injection: the <see cref="CrashAt"/>-th operation throws, before or after
/// taking effect (<see cref="CrashAfterEffect"/>). <see cref="BeforeOperation"/> lets a test stall or interleave.
/// </summary>
public sealed class InMemoryCollectiveStore : ICollectiveStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (CollectiveIntent Intent, int Version)> _intents = [];
    private readonly Dictionary<string, List<Entry>> _calendars = [];
    private int _operations;

    /// <summary>One booking in a member's calendar: held or confirmed for an intent, or other busy time (IntentId null).</summary>
    public sealed record Entry(string? IntentId, Instant Start, Instant End, bool Confirmed);

    public int? CrashAt { get; set; }

    public bool CrashAfterEffect { get; set; }

    public Func<string, Task>? BeforeOperation { get; set; }

    public int Operations => _operations;

    /// <summary>How many times each (member, intent) hold was confirmed (stands for outbox events written).</summary>
    public Dictionary<(string Member, string Intent), int> Confirmations { get; } = [];

    public void AddBusy(HostSlug member, Instant start, Instant end)
    {
        lock (_gate)
        {
            CalendarOf(member.Value).Add(new Entry(null, start, end, true));
        }
    }

    public IReadOnlyList<Entry> CalendarSnapshot(HostSlug member)
    {
        lock (_gate)
        {
            return [.. CalendarOf(member.Value)];
        }
    }

    public IReadOnlyDictionary<string, IReadOnlyList<Entry>> AllCalendars()
    {
        lock (_gate)
        {
            return _calendars.ToDictionary(p => p.Key, p => (IReadOnlyList<Entry>)[.. p.Value]);
        }
    }

    public Task CreateIntentAsync(CollectiveIntent intent, CancellationToken cancellationToken) =>
        Run("create", () => _intents.TryAdd(intent.Id, (intent, 1)));

    public async Task<Versioned<CollectiveIntent>?> ReadIntentAsync(string id, CancellationToken cancellationToken)
    {
        Versioned<CollectiveIntent>? result = null;
        await Run("read", () => result = _intents.TryGetValue(id, out var stored) ? new(stored.Intent, stored.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)) : null);
        return result;
    }

    public async Task<bool> TryReplaceIntentAsync(Versioned<CollectiveIntent> current, CollectiveIntent next, CancellationToken cancellationToken)
    {
        var replaced = false;
        await Run("replace", () =>
        {
            if (_intents.TryGetValue(next.Id, out var stored) && stored.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) == current.Version)
            {
                _intents[next.Id] = (next, stored.Version + 1);
                replaced = true;
            }
        });
        return replaced;
    }

    public async Task<HoldOutcome> TryHoldAsync(HostSlug member, CollectiveIntent intent, CancellationToken cancellationToken)
    {
        var outcome = HoldOutcome.Unavailable;
        await Run("hold " + member, () =>
        {
            var calendar = CalendarOf(member.Value);
            if (calendar.Any(e => e.IntentId == intent.Id))
            {
                outcome = HoldOutcome.Held;
            }
            else if (!calendar.Any(e => e.Start < intent.End && intent.Start < e.End))
            {
                calendar.Add(new Entry(intent.Id, intent.Start, intent.End, false));
                outcome = HoldOutcome.Held;
            }
        });
        return outcome;
    }

    public Task ConfirmHoldAsync(HostSlug member, CollectiveIntent intent, CancellationToken cancellationToken) =>
        Run("confirm " + member, () =>
        {
            var calendar = CalendarOf(member.Value);
            var index = calendar.FindIndex(e => e.IntentId == intent.Id);
            if (index < 0)
            {
                throw new InvalidOperationException($"{member} has no hold for {intent.Id} to confirm.");
            }

            if (!calendar[index].Confirmed)
            {
                calendar[index] = calendar[index] with { Confirmed = true };
                Confirmations[(member.Value, intent.Id)] = Confirmations.GetValueOrDefault((member.Value, intent.Id)) + 1;
            }
        });

    public Task ReleaseHoldAsync(HostSlug member, CollectiveIntent intent, CancellationToken cancellationToken) =>
        Run("release " + member, () => CalendarOf(member.Value).RemoveAll(e => e.IntentId == intent.Id && !e.Confirmed));

    /// <summary>Cancelling a member's confirmed booking frees its time (removes the entry).</summary>
    public Task CancelMemberAsync(HostSlug member, CollectiveIntent intent, CancellationToken cancellationToken) =>
        Run("cancel " + member, () => CalendarOf(member.Value).RemoveAll(e => e.IntentId == intent.Id && e.Confirmed));

    public CollectiveState? StateOf(string id)
    {
        lock (_gate)
        {
            return _intents.TryGetValue(id, out var stored) ? stored.Intent.State : null;
        }
    }

    private List<Entry> CalendarOf(string member)
    {
        if (!_calendars.TryGetValue(member, out var calendar))
        {
            calendar = [];
            _calendars[member] = calendar;
        }

        return calendar;
    }

    private async Task Run(string name, Action effect)
    {
        if (BeforeOperation is { } before)
        {
            await before(name);
        }

        bool crash;
        lock (_gate)
        {
            crash = ++_operations == CrashAt;
            if (crash && !CrashAfterEffect)
            {
                throw new InjectedCrashException();
            }

            effect();
        }

        if (crash)
        {
            throw new InjectedCrashException();
        }
    }
}
