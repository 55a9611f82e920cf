using NodaTime;

namespace Schedly.Core.Reminders;

/// <summary>
/// The reminder timer's work (a singleton: timers run on one instance): reads the hints of every minute up to now,
/// queues one <see cref="HostReminderWork"/> per host on <c>reminders</c> (where instances send them in parallel,
/// see <see cref="SendDueReminders"/>), then removes the hints. Cost: one range query over the hints that are due,
/// whatever the number of hosts; nothing else is read. A crash between queuing and removing queues that host once
/// more, which is harmless (completing an entry is conditional). Hints of a downtime are still there afterwards, so
/// the first run after it catches up, at most <see cref="MaxHintsPerRun"/> at a time.
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
        var queued = new HashSet<string>(StringComparer.Ordinal);
        foreach (var hint in hints)
        {
            if (queued.Add(hint.Host.Value))
            {
                await queue.EnqueueAsync(new HostReminderWork(hint.Host.Value, now), cancellationToken).ConfigureAwait(false);
            }

            await index.RemoveAsync(hint, cancellationToken).ConfigureAwait(false);
        }

        return queued.Count;
    }
}
