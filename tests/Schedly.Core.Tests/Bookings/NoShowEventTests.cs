using NodaTime;
using NodaTime.Testing;
using Schedly.Core.Bookings;
using Schedly.Core.Calendars;
using Schedly.Core.Hosts;
using Schedly.Core.Teams;
using Schedly.Core.Teams.Collective;
using Schedly.Core.Tests.Notifications;
using Schedly.Core.Tests.Teams.Collective;

namespace Schedly.Core.Tests.Bookings;

/// <summary>
/// Event ids of <c>booking.no_show</c>: a no-show can be marked, unmarked and marked again without the
/// sequence changing, and each mark must still announce itself under its own id (the outbox row and the
/// webhook ledger are keyed by it).
/// </summary>
public sealed class NoShowEventTests
{
    private static readonly Instant AfterStart = Sample.Start + Duration.FromMinutes(45);

    private readonly FakeClock _clock = new(AfterStart);
    private readonly FakeBookingStore _store = new();
    private readonly FakePublisher _publisher = new();

    private HostBookings CreateSut() =>
        new(new UnusedHosts(), _store, new ManagedBookings(new UnusedHosts(), _store, new NoImportedBusyTime(), _publisher, _clock, new UnusedTeams(), new CancelCollective(new InMemoryCollectiveStore(), new UnusedRecoveryQueue(), _clock)), _publisher, _clock);

    [Fact]
    public async Task SetNoShow_MarkUnmarkMark_EachMarkHasItsOwnEventId()
    {
        _store.Put(Sample.Booking(sequence: 1));
        var sut = CreateSut();

        var first = await sut.SetNoShowAsync(Sample.HostSlug, Sample.BookingId.Value, true, CancellationToken.None);
        _clock.Advance(Duration.FromMinutes(2));
        var undo = await sut.SetNoShowAsync(Sample.HostSlug, Sample.BookingId.Value, false, CancellationToken.None);
        _clock.Advance(Duration.FromMinutes(3));
        var second = await sut.SetNoShowAsync(Sample.HostSlug, Sample.BookingId.Value, true, CancellationToken.None);

        Assert.All([first, undo, second], r => Assert.True(Assert.IsType<ManageResult.Done>(r).Changed));
        Assert.Equal(3, _store.Outbox.Count); // mark, undo (booking.no_show_cleared), mark
        Assert.Equal(_store.Outbox, _publisher.Published.Select(e => e.Id));
        Assert.Equal(
            [
                $"{Sample.BookingId.Random}-no_show-1-{AfterStart.ToUnixTimeMilliseconds()}",
                $"{Sample.BookingId.Random}-no_show-1-{(AfterStart + Duration.FromMinutes(5)).ToUnixTimeMilliseconds()}",
            ],
            _publisher.Published.Where(e => e.Type == BookingEvent.NoShow).Select(e => e.Id));
        Assert.Equal(
            [$"{Sample.BookingId.Random}-no_show_cleared-1-{(AfterStart + Duration.FromMinutes(2)).ToUnixTimeMilliseconds()}"],
            _publisher.Published.Where(e => e.Type == BookingEvent.NoShowCleared).Select(e => e.Id));
    }

    [Fact]
    public async Task SetNoShow_MarkUnmarkMarkWithinOneMillisecond_StillDistinctEventIds()
    {
        _store.Put(Sample.Booking());
        var sut = CreateSut();

        await sut.SetNoShowAsync(Sample.HostSlug, Sample.BookingId.Value, true, CancellationToken.None);
        await sut.SetNoShowAsync(Sample.HostSlug, Sample.BookingId.Value, false, CancellationToken.None);
        var second = await sut.SetNoShowAsync(Sample.HostSlug, Sample.BookingId.Value, true, CancellationToken.None);

        Assert.True(Assert.IsType<ManageResult.Done>(second).Changed);
        Assert.Equal(2, _publisher.Published.Count(e => e.Type == BookingEvent.NoShow));
        Assert.Equal(3, _store.Outbox.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void For_NoShow_IsStableAndCarriesUpdatedAtInMilliseconds()
    {
        var updatedAt = Instant.FromUnixTimeMilliseconds(1_780_000_000_123) + Duration.FromNanoseconds(456_789);
        var booking = Sample.Booking(sequence: 2) with { NoShow = true, UpdatedAt = updatedAt };

        var e = BookingEvent.For(BookingEvent.NoShow, booking, updatedAt);

        Assert.Equal($"{Sample.BookingId.Random}-no_show-2-1780000000123", e.Id);
        Assert.Equal(e.Id, BookingEvent.For(BookingEvent.NoShow, booking, updatedAt + Duration.FromSeconds(30)).Id);
    }

    [Theory]
    [InlineData(BookingEvent.Created, "created")]
    [InlineData(BookingEvent.Rescheduled, "rescheduled")]
    [InlineData(BookingEvent.Cancelled, "cancelled")]
    public void For_OtherTypes_KeepRandomTypeSequence(string type, string name)
    {
        var booking = Sample.Booking(sequence: 3) with { UpdatedAt = Sample.Now + Duration.FromMinutes(7) };

        Assert.Equal($"{Sample.BookingId.Random}-{name}-3", BookingEvent.For(type, booking, Sample.Now).Id);
    }

    /// <summary>One booking in memory with an ETag-like version; outbox ids are added like the table's Add: a repeat fails the write.</summary>
    private sealed class FakeBookingStore : IBookingStore
    {
        private Versioned<Booking>? _booking;
        private int _version;

        public List<string> Outbox { get; } = [];

        public void Put(Booking booking) => _booking = new Versioned<Booking>(booking, (++_version).ToString(System.Globalization.CultureInfo.InvariantCulture));

        public Task<Versioned<Booking>?> FindAsync(BookingId id, CancellationToken cancellationToken) =>
            Task.FromResult(_booking is { } b && b.Value.Id == id ? b : null);

        public Task<bool> TryCommitAsync(BookingChange change, CancellationToken cancellationToken)
        {
            if (_booking?.Version != change.ExpectedVersion || (change.Event is not null && Outbox.Contains(change.Event.Id)))
            {
                return Task.FromResult(false);
            }

            if (change.Event is not null)
            {
                Outbox.Add(change.Event.Id);
            }

            Put(change.Booking);
            return Task.FromResult(true);
        }

        public Task<BookingSnapshot> LoadAsync(HostSlug host, SnapshotScope scope, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<BookingPage> ListAsync(HostSlug host, Interval range, IReadOnlyCollection<BookingStatus> statuses, int pageSize, string? continuationToken, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IdempotencyRecord?> FindIdempotencyAsync(HostSlug host, string storageId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<PendingExpiry>> ListExpiringAsync(HostSlug host, Instant upTo, int max, CancellationToken cancellationToken) => throw new NotSupportedException();
    }

    private sealed class FakePublisher : IBookingEventPublisher
    {
        public List<BookingEvent> Published { get; } = [];

        public Task PublishAsync(BookingEvent bookingEvent, CancellationToken cancellationToken)
        {
            Published.Add(bookingEvent);
            return Task.CompletedTask;
        }
    }

    /// <summary>No-shows never read the host.</summary>
    private sealed class NoImportedBusyTime : IImportedBusyTime
    {
        public Task<IReadOnlyList<ImportedBusy>> LoadAsync(HostSlug host, Interval window, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<ImportedBusy>>([]);
    }

    private sealed class UnusedHosts : IHostRepository
    {
        public Task<Versioned<Host>?> FindAsync(HostSlug slug, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<HostSlug?> FindByApiKeyIdAsync(string keyId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task IndexApiKeyAsync(string keyId, HostSlug host, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task ForgetApiKeyAsync(string keyId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<bool> TryCreateAsync(Host host, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<bool> TryUpdateProfileAsync(HostSlug slug, HostProfile profile, Instant updatedAt, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<bool> TryUpdateAsync(Host host, string version, CancellationToken cancellationToken) => throw new NotSupportedException();
    }

    private sealed class UnusedTeams : ITeamRepository
    {
        public Task<Versioned<Team>?> FindAsync(TeamSlug slug, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<bool> TryCreateAsync(Team team, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<bool> TryUpdateAsync(Team team, string version, CancellationToken cancellationToken) => throw new NotSupportedException();
    }

    private sealed class UnusedRecoveryQueue : ICollectiveRecoveryQueue
    {
        public Task ScheduleAsync(string id, Instant at, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
