using NodaTime;
using Schedly.Core.Analytics;
using Schedly.Core.Bookings;
using Schedly.Core.Hosts;
using Schedly.Core.Reminders;
using Schedly.Core.Tests.Notifications;

namespace Schedly.Core.Tests.Hosts;

/// <summary>
/// Hand-written fakes of the ports the every-host timers (analytics rollup, reminders) use, keyed by host
/// slug, each able to fail for chosen hosts. Members the timers do not call throw <see cref="NotSupportedException"/>.
/// </summary>
internal static class HostTimerSample
{
    public static HostSlug Slug(string value) => HostSlug.Parse(value);

    public static Host Host(string slug) => Sample.Host() with { Slug = Slug(slug) };

    public static Booking Booking(string slug, Instant start) => Sample.Booking() with
    {
        Id = BookingId.New(Slug(slug)),
        Start = start,
        End = start + Duration.FromMinutes(30),
    };
}

internal sealed class FakeHostRepository(params Host[] hosts) : IHostRepository
{
    public Task<Versioned<Host>?> FindAsync(HostSlug slug, CancellationToken cancellationToken) =>
        Task.FromResult(hosts.FirstOrDefault(h => h.Slug == slug) is { } host ? new Versioned<Host>(host, "v1") : null);

    public Task<HostSlug?> FindByApiKeyIdAsync(string keyId, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task IndexApiKeyAsync(string keyId, HostSlug host, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task ForgetApiKeyAsync(string keyId, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<bool> TryCreateAsync(Host host, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<bool> TryUpdateProfileAsync(HostSlug slug, HostProfile profile, Instant updatedAt, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<bool> TryUpdateAsync(Host host, string version, CancellationToken cancellationToken) => throw new NotSupportedException();
}

/// <summary>Serves <see cref="Bookings"/> to reads (one page); reads of a host in <see cref="FailingHosts"/> throw.</summary>
internal sealed class FakeBookingStore : IBookingStore
{
    public List<Booking> Bookings { get; } = [];

    public HashSet<string> FailingHosts { get; } = [];

    /// <summary>Called before a read, with the host read (for cancelling a run mid-way).</summary>
    public Action<HostSlug>? OnRead { get; set; }

    public Task<Versioned<Booking>?> FindAsync(BookingId id, CancellationToken cancellationToken)
    {
        Read(id.Host);
        return Task.FromResult(Bookings.FirstOrDefault(b => b.Id == id) is { } booking ? new Versioned<Booking>(booking, "v1") : null);
    }

    public Task<BookingPage> ListAsync(HostSlug host, Interval range, IReadOnlyCollection<BookingStatus> statuses, int pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        Read(host);
        return Task.FromResult(new BookingPage(Bookings.Where(b => b.Id.Host == host && range.Contains(b.Start)).ToList(), null));
    }

    public Task<BookingSnapshot> LoadAsync(HostSlug host, SnapshotScope scope, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<bool> TryCommitAsync(BookingChange change, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IdempotencyRecord?> FindIdempotencyAsync(HostSlug host, string storageId, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IReadOnlyList<PendingExpiry>> ListExpiringAsync(HostSlug host, Instant upTo, int max, CancellationToken cancellationToken) => throw new NotSupportedException();

    private void Read(HostSlug host)
    {
        OnRead?.Invoke(host);
        if (FailingHosts.Contains(host.Value))
        {
            throw new IOException($"bookings of {host} unreadable");
        }
    }
}

/// <summary>Stored days with a version each; <see cref="BeforeReplace"/> runs before a replace (to let a rival write first).</summary>
internal sealed class FakeAnalyticsStore : IAnalyticsStore
{
    private readonly Dictionary<(string Host, LocalDate Date), (int Version, IReadOnlyList<DailyRollup> Rollups)> _days = [];

    public Action? BeforeReplace { get; set; }

    public int Conflicts { get; private set; }

    public IReadOnlyList<DailyRollup> Day(string host, LocalDate date) => _days.TryGetValue((host, date), out var day) ? day.Rollups : [];

    public IEnumerable<(string Host, LocalDate Date)> Written => _days.Keys;

    public void Put(string host, LocalDate date, IReadOnlyList<DailyRollup> rollups) =>
        _days[(host, date)] = (_days.TryGetValue((host, date), out var day) ? day.Version + 1 : 1, rollups);

    public Task<AnalyticsDayVersion> ReadDayVersionAsync(HostSlug host, LocalDate date, CancellationToken cancellationToken) =>
        Task.FromResult(_days.TryGetValue((host.Value, date), out var day)
            ? new AnalyticsDayVersion(day.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), new Dictionary<string, string>())
            : AnalyticsDayVersion.None);

    public Task<bool> TryReplaceDayAsync(HostSlug host, LocalDate date, IReadOnlyList<DailyRollup> rollups, AnalyticsDayVersion version, CancellationToken cancellationToken)
    {
        var before = BeforeReplace;
        BeforeReplace = null;
        before?.Invoke();
        var current = _days.TryGetValue((host.Value, date), out var day) ? day.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
        if (current != version.Marker)
        {
            Conflicts++;
            return Task.FromResult(false);
        }

        Put(host.Value, date, rollups);
        return Task.FromResult(true);
    }

    /// <summary>When the fake says its days were last written (the real store reads the rows' timestamps).</summary>
    public Instant? LastWritten { get; set; }

    public Task<StoredRollups> ReadAsync(HostSlug host, LocalDate from, LocalDate to, CancellationToken cancellationToken) =>
        Task.FromResult(new StoredRollups(_days.Where(d => d.Key.Host == host.Value && d.Key.Date >= from && d.Key.Date <= to).SelectMany(d => d.Value.Rollups).ToList(), LastWritten));
}

/// <summary>Entries in <see cref="Due"/>; listing a host in <see cref="FailingHosts"/> throws.</summary>
internal sealed class FakeReminderStore : IReminderStore
{
    public List<DueReminder> Due { get; } = [];

    public HashSet<string> FailingHosts { get; } = [];

    public List<(DueReminder Reminder, ReminderOutcome Outcome)> Completed { get; } = [];

    public Task<IReadOnlyList<DueReminder>> ListDueAsync(HostSlug host, Instant upTo, CancellationToken cancellationToken)
    {
        if (FailingHosts.Contains(host.Value))
        {
            throw new IOException($"reminders of {host} unreadable");
        }

        return Task.FromResult<IReadOnlyList<DueReminder>>(
            Due.Where(r => r.Host == host && r.Due <= upTo && !Completed.Any(c => c.Reminder == r)).OrderBy(r => r.Due).ToList());
    }

    public Task<bool> TryCompleteAsync(DueReminder reminder, ReminderOutcome outcome, Instant at, CancellationToken cancellationToken)
    {
        if (Completed.Any(c => c.Reminder == reminder))
        {
            return Task.FromResult(false);
        }

        Completed.Add((reminder, outcome));
        return Task.FromResult(true);
    }
}
