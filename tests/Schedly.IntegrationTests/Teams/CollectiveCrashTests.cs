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
/// member's partition or released in all (the slot offered again); and concurrent collective bookings over
/// overlapping teams never double-book anyone.
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

            var statuses = new List<BookingStatus?>();
            foreach (var member in slugs)
            {
                statuses.Add((await Service<IBookingStore>().FindAsync(CollectiveHolds.HoldId(member, id), default))?.Value.Status);
            }

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
}
