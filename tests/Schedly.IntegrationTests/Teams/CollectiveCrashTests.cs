using System.Net;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;
using Schedly.Core.Bookings;
using Schedly.Core.Calendars;
using Schedly.Core.Hosts;
using Schedly.Core.Security;
using Schedly.Core.Teams;
using Schedly.Core.Teams.Collective;
using Schedly.IntegrationTests.Infrastructure;

namespace Schedly.IntegrationTests.Teams;

/// <summary>
/// The collective protocol on the real Table Storage adapters (Azurite): the process killed before and after every
/// storage operation, then recovery as its queue messages would run it, leaves the booking confirmed in every
/// member's partition or released in all (the slot offered again); a cancellation as a whole killed at every step
/// ends, after recovery (and the client's retry when it died before deciding), with every member's booking cancelled
/// and the time free; and concurrent collective bookings over overlapping teams never double-book anyone.
/// </summary>
[Collection(SchedlyAppCollection.Name)]
public sealed class CollectiveCrashTests(SchedlyAppFixture app)
{
    private readonly TestTeams _teams = new(app);

    private T Service<T>()
        where T : notnull => app.Runner.Services.GetRequiredService<T>();

    private CollectiveHolds Holds(IClock clock, CollectiveHoldTerms? terms = null) => new(
        Service<ICollectiveIntents>(),
        Service<IHostRepository>(),
        Service<IBookingStore>(),
        Service<IImportedBusyTime>(),
        Service<IBookingEventPublisher>(),
        Service<ManageTokenIssuer>(),
        clock,
        terms);

    [Theory]
    [InlineData(false, false)]
    [InlineData(false, true)]
    [InlineData(true, false)]
    [InlineData(true, true)]
    public async Task CrashAtEveryStep_RecoveryLeavesAllOrNothing(bool lastMemberBusy, bool crashAfterEffect)
    {
        var members = await _teams.MembersAsync(3, "crash");
        var slugs = members.Select(m => HostSlug.Parse(m.Slug)).OrderBy(s => s.Value, StringComparer.Ordinal).ToList();
        var team = await _teams.CreateAsync(members.Select(m => m.Slug));
        var teamSlug = TeamSlug.TryParse(team, out var parsed) ? parsed : throw new InvalidOperationException();
        var eventType = (await Service<ITeamRepository>().FindAsync(teamSlug, default))!.Value.FindEventType("together")!.EventType;
        var first = Instant.FromDateTimeOffset(DateTimeOffset.UtcNow.Date.AddDays(2).AddHours(1));
        var crashes = 0;
        for (var crashAt = 1; ; crashAt++)
        {
            var start = first + Duration.FromHours(crashAt);
            var day = DateOnly.FromDateTime(start.ToDateTimeUtc());
            if (lastMemberBusy)
            {
                var solo = await _teams.CreateAsync([slugs[^1].Value], "solo");
                using var busy = await _teams.BookAsync(solo, "anyone", start.ToString());
                Assert.Equal(HttpStatusCode.Created, busy.StatusCode);
            }

            var clock = new FakeClock(SystemClock.Instance.GetCurrentInstant());
            var id = CollectiveIds.New(teamSlug, null);
            var intent = new CollectiveIntent(id, start, start + eventType.Duration, slugs, clock.GetCurrentInstant() + BookCollective.HoldLifetime);
            var terms = new CollectiveHoldTerms(
                "together",
                eventType,
                new ClientDetails("Grace Hopper", "grace@example.com", DateTimeZoneProviders.Tzdb["UTC"], "", new Dictionary<string, string>()),
                null,
                new TeamBooking(teamSlug, TeamAssignment.Collective, intent.Members) { CollectiveId = id });
            var store = new CrashingCollectiveStore(Holds(clock, terms)) { CrashAt = crashAt, CrashAfterEffect = crashAfterEffect };
            CollectiveOutcome? told = null;
            try
            {
                told = await new BookCollective(store, clock).BookAsync(intent, default);
            }
            catch (InjectedCrashException)
            {
                crashes++;
            }

            await RecoverFullyAsync(clock, id);

            var state = (await Service<ICollectiveIntents>().ReadAsync(id, default))?.Value.State;
            var booked = state == CollectiveState.Completed;
            Assert.False(lastMemberBusy && booked);
            if (told is { } outcome)
            {
                Assert.Equal(outcome == CollectiveOutcome.Booked, booked);
            }

            var statuses = await StatusesAsync(slugs, id);

            Assert.True(
                booked ? statuses.All(s => s == BookingStatus.Confirmed) : statuses.All(s => s is null or BookingStatus.Released),
                $"crash at {crashAt}: state {state}, holds {string.Join(", ", statuses)}");
            if (!booked && !lastMemberBusy)
            {
                Assert.Contains(start.ToString()[11..16], await _teams.SlotsAsync(team, "together", day)); // offered again
            }

            if (store.Operations < crashAt)
            {
                break; // the attempt ran to its end without reaching the crash point
            }
        }

        Assert.True(crashes >= (lastMemberBusy ? 4 : 9), $"only {crashes} crash points exercised");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task CancelCrashAtEveryStep_RecoveryEndsWithEveryMemberCancelled(bool crashAfterEffect)
    {
        var members = await _teams.MembersAsync(3, "cancelcrash");
        var slugs = members.Select(m => HostSlug.Parse(m.Slug)).ToList();
        var team = await _teams.CreateAsync(members.Select(m => m.Slug));
        var day = TestHosts.Today.AddDays(crashAfterEffect ? 14 : 15);
        var crashes = 0;
        for (var crashAt = 1; ; crashAt++)
        {
            var start = $"{day:yyyy-MM-dd}T{crashAt + 4:00}:00:00Z";
            using var response = await _teams.BookAsync(team, "together", start);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            Assert.True(BookingId.TryParse((await response.ReadJsonAsync()).GetProperty("id").GetString(), out var primary));
            var id = (await Service<IBookingStore>().FindAsync(primary, default))!.Value.Team!.CollectiveId!;

            var clock = new FakeClock(SystemClock.Instance.GetCurrentInstant());
            var queue = new RecordingRecoveryQueue();
            var store = new CrashingCollectiveStore(Holds(clock)) { CrashAt = crashAt, CrashAfterEffect = crashAfterEffect };
            CollectiveState? told = null;
            try
            {
                told = await new CancelCollective(store, queue, clock).CancelAsync(id, "Sick", Booking.ByClient, default);
            }
            catch (InjectedCrashException)
            {
                crashes++;
                Assert.True(queue.Scheduled.Count == 1 || crashAt == 1, $"crash at {crashAt}: no recovery message before the first write");
            }

            await RecoverFullyAsync(clock, id);
            var decided = (await Service<ICollectiveIntents>().ReadAsync(id, default))!.Value.State == CollectiveState.Cancelled;
            Assert.Equal(decided ? BookingStatus.Cancelled : BookingStatus.Confirmed, Assert.Single((await StatusesAsync(slugs, id)).Distinct()));
            if (!decided)
            {
                // Died before deciding: the booking stands for everyone, and the client's retry cancels it for everyone.
                Assert.Equal(CollectiveState.Cancelled, await new CancelCollective(Holds(clock), queue, clock).CancelAsync(id, "Sick", Booking.ByClient, default));
            }

            Assert.All(await StatusesAsync(slugs, id), s => Assert.Equal(BookingStatus.Cancelled, s));
            Assert.Contains(start[11..16], await _teams.SlotsAsync(team, "together", day)); // free for every member again
            if (told is not null)
            {
                break; // the cancellation ran to its end without reaching the crash point
            }
        }

        Assert.True(crashes >= 6, $"only {crashes} crash points exercised");
    }

    [Fact]
    public async Task OverlappingTeams_RacingForTheSameTime_NeverDoubleBookAMember()
    {
        var members = await _teams.MembersAsync(3, "race");
        var (a, b, c) = (members[0].Slug, members[1].Slug, members[2].Slug);
        var teams = new[] { await _teams.CreateAsync([a, b]), await _teams.CreateAsync([b, c]), await _teams.CreateAsync([a, c]) };
        var day = TestHosts.Today.AddDays(8);

        for (var hour = 0; hour < 12; hour++)
        {
            var start = $"{day:yyyy-MM-dd}T{hour + 6:00}:00:00Z";
            var responses = await Task.WhenAll(teams.Select(t => _teams.BookAsync(t, "together", start)));
            var created = responses.Count(r => r.StatusCode == HttpStatusCode.Created);
            Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.Conflict }));
            Assert.True(created <= 1, $"{created} collective bookings of overlapping teams at {start}");
            foreach (var response in responses)
            {
                response.Dispose();
            }
        }

        foreach (var (slug, key) in members)
        {
            var rows = await _teams.HostBookingsAsync(slug, key, day);
            var holding = rows.Where(r => r.GetProperty("status").GetString() is "confirmed" or "held").ToList();
            Assert.DoesNotContain(holding, r => r.GetProperty("status").GetString() == "held"); // no stuck claim
            Assert.Equal(holding.Count, holding.Select(r => r.GetProperty("start").GetString()).Distinct().Count()); // never twice at once
        }
    }

    private async Task<List<BookingStatus?>> StatusesAsync(IEnumerable<HostSlug> members, string id)
    {
        var statuses = new List<BookingStatus?>();
        foreach (var member in members)
        {
            statuses.Add((await Service<IBookingStore>().FindAsync(CollectiveHolds.HoldId(member, id), default))?.Value.Status);
        }

        return statuses;
    }

    private async Task RecoverFullyAsync(FakeClock clock, string id)
    {
        for (var pass = 0; pass < 10; pass++)
        {
            var step = await new RecoverCollective(Holds(clock), clock).RunAsync(id, default);
            if (step.RunAgainAt is not { } again)
            {
                return;
            }

            clock.Reset(again);
        }

        Assert.Fail($"Recovery of {id} did not finish.");
    }

    /// <summary>The recovery messages a request sent, in order (recovery is then run by the test as they would run it).</summary>
    private sealed class RecordingRecoveryQueue : ICollectiveRecoveryQueue
    {
        public List<(string Id, Instant At)> Scheduled { get; } = [];

        public Task ScheduleAsync(string id, Instant at, CancellationToken cancellationToken)
        {
            Scheduled.Add((id, at));
            return Task.CompletedTask;
        }
    }
}
