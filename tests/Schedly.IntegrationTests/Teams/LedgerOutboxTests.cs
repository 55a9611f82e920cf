using System.Net;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Schedly.AzureStorage.Tables;
using Schedly.Core.Bookings;
using Schedly.Core.Hosts;
using Schedly.Core.Teams;
using Schedly.IntegrationTests.Infrastructure;

namespace Schedly.IntegrationTests.Teams;

/// <summary>
/// The fairness ledger takes every round-robin booking exactly once, on Azurite: the booking request writes it, and the
/// booking's <c>booking.created</c> event (fanned out by the runner's queue trigger) applies it again, counted once; a
/// request that dies between its booking and its ledger write is made whole by that event.
/// </summary>
[Collection(SchedlyAppCollection.Name)]
public sealed class LedgerOutboxTests(SchedlyAppFixture app)
{
    private readonly TestTeams _teams = new(app);

    private T Service<T>()
        where T : notnull => app.Runner.Services.GetRequiredService<T>();

    [Fact]
    public async Task BookingAndItsEvent_BothApplyTheChange_TheLedgerCountsItOnce()
    {
        var members = await _teams.MembersAsync(2, "once");
        var team = await _teams.CreateAsync(members.Select(m => m.Slug));
        var start = DateTimeOffset.UtcNow.Date.AddDays(3).AddHours(10);

        using var booked = await _teams.BookAsync(team, "anyone", start.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        var id = (await booked.ReadJsonAsync()).GetProperty("id").GetString()!;
        var booking = await FindBookingAsync(id);
        var ledger = await LedgerWithAsync(team, id);
        await WaitForOutboxAsync(booking.Id.Host);

        // The event has run too (its outbox row is gone): still one booking's change, credits summing to zero.
        var after = (await Service<ITeamLedgerStore>().FindAsync(Slug(team), default))!.Value;
        Assert.Equal(ledger.Standings, after.Standings);
        Assert.Equal(0, after.TotalCredit);
        Assert.Single(after.AppliedBookings, id);
        Assert.Equal(-FairnessLedger.CreditPerBooking / 2, after.StandingOf(booking.Id.Host).Credit);
        Assert.False(await Service<RecordRoundRobinLedger>().ExecuteAsync(booking, default));
    }

    [Fact]
    public async Task RequestDiesBeforeItsLedgerWrite_TheBookingsEventCountsIt()
    {
        var members = await _teams.MembersAsync(2, "dies");
        var team = await _teams.CreateAsync(members.Select(m => m.Slug));
        var dying = new DyingLedgerStore(Service<ITeamLedgerStore>());
        var bookTeam = ActivatorUtilities.CreateInstance<BookTeam>(app.Runner.Services, dying, new RecordRoundRobinLedger(dying));
        var start = Instant.FromDateTimeOffset(DateTimeOffset.UtcNow.Date.AddDays(3).AddHours(11)).ToString();
        var draft = new BookingRequestDraft(start, "Grace Hopper", "grace@example.com", "Europe/London", "", null);

        await Assert.ThrowsAsync<InjectedCrashException>(() => bookTeam.ExecuteAsync(team, "anyone", draft, null, "hash", default));

        Assert.Null(await Service<ITeamLedgerStore>().FindAsync(Slug(team), default));
        var day = DateOnly.FromDateTime(DateTimeOffset.UtcNow.Date.AddDays(3));
        var booked = new List<string>();
        foreach (var (slug, key) in members)
        {
            booked.AddRange((await _teams.HostBookingsAsync(slug, key, day)).Select(b => b.GetProperty("id").GetString()!));
        }

        var id = Assert.Single(booked);
        var ledger = await LedgerWithAsync(team, id);
        Assert.Equal(0, ledger.TotalCredit);
        Assert.Equal(-FairnessLedger.CreditPerBooking / 2, ledger.StandingOf((await FindBookingAsync(id)).Id.Host).Credit);
        Assert.Equal([id], ledger.AppliedBookings);
    }

    private static TeamSlug Slug(string team) => TeamSlug.TryParse(team, out var slug) ? slug : throw new ArgumentException(team);

    private async Task<Booking> FindBookingAsync(string id) =>
        (await Service<IBookingStore>().FindAsync(BookingId.TryParse(id, out var parsed) ? parsed : throw new ArgumentException(id), default))!.Value;

    /// <summary>The team's ledger once it holds booking <paramref name="id"/> (bounded wait: the event runs on the queue).</summary>
    private async Task<FairnessLedger> LedgerWithAsync(string team, string id)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            if (await Service<ITeamLedgerStore>().FindAsync(Slug(team), default) is { Value: var ledger } && ledger.HasApplied(id))
            {
                return ledger;
            }

            Assert.True(DateTime.UtcNow < deadline, $"The ledger of {team} did not take {id} within 30 s.");
            await Task.Delay(200);
        }
    }

    /// <summary>Waits (bounded) until the host's outbox rows are gone: every event of its bookings has been fanned out.</summary>
    private async Task WaitForOutboxAsync(HostSlug host)
    {
        var table = Service<Azure.Data.Tables.TableServiceClient>().GetTableClient(SchedlyTables.Hosts);
        var filter = Azure.Data.Tables.TableClient.CreateQueryFilter(
            $"PartitionKey eq {host.Value} and RowKey ge {BookingRowKeys.OutboxPrefix} and RowKey lt {"outbox}"}");
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await table.QueryAsync<Azure.Data.Tables.TableEntity>(filter).AnyAsync())
        {
            Assert.True(DateTime.UtcNow < deadline, $"The outbox of {host} was not emptied within 30 s.");
            await Task.Delay(200);
        }
    }

    /// <summary>A ledger store whose writes "kill the process": the booking request dies right after its booking.</summary>
    private sealed class DyingLedgerStore(ITeamLedgerStore inner) : ITeamLedgerStore
    {
        public Task<Versioned<FairnessLedger>?> FindAsync(TeamSlug team, CancellationToken cancellationToken) => inner.FindAsync(team, cancellationToken);

        public Task<bool> TryWriteAsync(TeamSlug team, FairnessLedger ledger, string? version, CancellationToken cancellationToken) =>
            throw new InjectedCrashException();
    }
}
