using NodaTime;

namespace Schedly.Core.Reminders;

/// <summary>
/// The reminder timer's work (a singleton: timers run on one instance): reads the hints of every minute up to now,
/// queues one <see cref="HostReminderWork"/> per host on <c>reminders</c> (where instances send them in parallel,
/// see <see cref="SendDueReminders"/>), then removes the hints. Cost: one range query over the hints that are due,
/// whatever the number of hosts; nothing else is read. A crash between queuing and removing queues that host once
/// more, which is harmless (completing an entry is conditional). Hints of a downtime are still there afterwards, so
/// the first run after it catches up, at most <see cref="MaxHintsPerRun"/> at a time. A host's message asks for
/// housekeeping when one of its hints is a <see cref="HintKind.Housekeeping"/> hint, and pending expiries when one is a
/// <see cref="HintKind.PendingExpiry"/> hint.
/// </summary>
public sealed class DrainReminderIndex(IReminderIndex index, IReminderWorkQueue queue, IClock clock)
{
    /// <summary>Hints handled per run; the rest wait for the next run (every minute).</summary>
    public const int MaxHintsPerRun = 5000;

    /// <summary>Queues the due hosts; returns how many host messages were queued.</summary>
    public async Task<int> ExecuteAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        var hints = await index.ListDueAsync(now, MaxHintsPerRun, cancellationToken).ConfigureAwait(false);
        // One message per host, asking for housekeeping when any of its hints does.
        var hosts = hints.GroupBy(h => h.Host.Value, StringComparer.Ordinal).ToList();
        foreach (var host in hosts)
        {
            var housekeeping = host.Any(h => h.Kind == HintKind.Housekeeping);
            var expiry = host.Any(h => h.Kind == HintKind.PendingExpiry);
            await queue.EnqueueAsync(new HostReminderWork(host.Key, now, housekeeping) { Expiry = expiry }, cancellationToken).ConfigureAwait(false);
            foreach (var hint in host)
            {
                await index.RemoveAsync(hint, cancellationToken).ConfigureAwait(false);
            }
        }

        return hosts.Count;
    }
}
