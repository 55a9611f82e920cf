using NodaTime;
using Schedly.Core.Bookings;
using Schedly.Core.Calendars;
using Schedly.Core.Concurrency;
using Schedly.Core.Hosts;
using Schedly.Core.Locations;
using Schedly.Core.Scheduling;
using Schedly.Core.Security;
using Schedly.Core.Teams.Collective;
using Schedly.Core.Validation;

namespace Schedly.Core.Teams;

/// <summary>
/// Books a team event type (docs/TEAMS.md). <b>Round-robin</b>: the members free at the start (each re-checked on the
/// server as a host booking is) compete under <see cref="RoundRobin"/>; the chosen member is booked by the host booking
/// path (<see cref="CreateBooking"/>: one conditional transaction in their partition, the decision stored with the
/// booking, with its <see cref="LedgerChange"/>); a lost race drops that member and chooses again among the rest; then
/// <see cref="RecordRoundRobinLedger"/> puts the change into the team's <see cref="FairnessLedger"/> (and the booking's
/// outbox event does again, counted once, should this request die first).
/// <b>Collective</b>: <see cref="BookCollective"/> over <see cref="CollectiveHolds"/>, after asking for the recovery
/// pass at the holds' expiry. An <c>Idempotency-Key</c> replays: round-robin finds the record in whichever member's
/// partition holds it; collective derives its booking id from the key.
/// </summary>
public sealed class BookTeam(
    ITeamRepository teams,
    ITeamLedgerStore ledgers,
    RecordRoundRobinLedger recordLedger,
    IHostRepository hosts,
    IBookingStore bookings,
    IImportedBusyTime imported,
    CreateBooking createBooking,
    ICollectiveIntents intents,
    CollectiveHolds holds,
    ICollectiveRecoveryQueue recovery,
    ManageTokenIssuer tokens,
    IClock clock,
    LocationOptions locations)
{
    public async Task<CreateBookingResult> ExecuteAsync(
        string teamSlug,
        string eventTypeSlug,
        BookingRequestDraft draft,
        IdempotencyKey? idempotencyKey,
        string requestHash,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var request = draft.Validate();
        if (!request.IsValid)
        {
            return new CreateBookingResult.Invalid(request.Errors);
        }

        var team = TeamSlug.TryParse(teamSlug, out var slug) ? await teams.FindAsync(slug, cancellationToken).ConfigureAwait(false) : null;
        if (team?.Value.FindEventType(eventTypeSlug) is not { EventType.Active: true } offered)
        {
            return new CreateBookingResult.NotFound();
        }

        return offered.Assignment == TeamAssignment.Collective
            ? await BookCollectiveAsync(team.Value, eventTypeSlug, offered.EventType, request.Value, idempotencyKey, cancellationToken).ConfigureAwait(false)
            : await BookRoundRobinAsync(team.Value, eventTypeSlug, offered.EventType, request.Value, idempotencyKey, requestHash, cancellationToken).ConfigureAwait(false);
    }

    private async Task<CreateBookingResult> BookRoundRobinAsync(Team team, string eventTypeSlug, EventType offered, BookingRequest request, IdempotencyKey? key, string requestHash, CancellationToken cancellationToken)
    {
        var lookups = await Task.WhenAll(team.Members.Select(m => createBooking.LookUpAsync(m.Host, key, requestHash, cancellationToken))).ConfigureAwait(false);
        if (lookups.Select(l => l.Replay).OfType<CreateBookingResult>().FirstOrDefault() is { } replay)
        {
            return replay;
        }

        var errors = new ValidationErrors();
        if (CreateBooking.Offer(offered, request, errors) is not var (eventType, _))
        {
            return new CreateBookingResult.Invalid(errors);
        }

        var free = await FreeMembersAsync(team, eventTypeSlug, eventType, request.Start, cancellationToken).ConfigureAwait(false);
        var tieBreak = key?.StorageId ?? Guid.NewGuid().ToString("N");
        while (free.Count > 0)
        {
            var ledger = await ledgers.FindAsync(team.Slug, cancellationToken).ConfigureAwait(false);
            var before = ledger?.Value ?? FairnessLedger.Empty;
            var decision = RoundRobin.Choose([.. free.Keys], before, tieBreak, clock.GetCurrentInstant());
            var chosen = free.Keys.First(m => m.Host == decision.Chosen);
            var expiredVersion = lookups[team.Members.ToList().FindIndex(m => m.Host == decision.Chosen)].ExpiredVersion;
            var result = await createBooking.BookWithAsync(free[chosen], eventTypeSlug, offered, request, key, requestHash, expiredVersion, TeamBooking.RoundRobin(team.Slug, decision, before), cancellationToken).ConfigureAwait(false);
            if (result is CreateBookingResult.SlotUnavailable)
            {
                free.Remove(chosen); // lost the race for this member's time: choose again among the rest
                continue;
            }

            if (result is CreateBookingResult.Created { Replayed: false } created)
            {
                await recordLedger.ExecuteAsync(created.Booking, cancellationToken).ConfigureAwait(false);
            }

            return result;
        }

        return new CreateBookingResult.SlotUnavailable();
    }

    /// <summary>The members free at <paramref name="start"/> for the team's event type, with their host (all read together).</summary>
    private async Task<Dictionary<TeamMember, Host>> FreeMembersAsync(Team team, string eventTypeSlug, EventType eventType, Instant start, CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        var checks = await Task.WhenAll(team.Members.Select(async member =>
        {
            if (await hosts.FindAsync(member.Host, cancellationToken).ConfigureAwait(false) is not { Value.Suspended: false } stored)
            {
                return (member, (Host?)null);
            }

            var host = stored.Value;
            var scope = new SnapshotScope(SlotEngine.BusyWindow(start, eventType), BookingContext.CounterFor(eventType, eventTypeSlug, start, host.Profile.TimeZone));
            var availability = BookingContext.AvailabilityAsync(imported, host, scope.Window, now, cancellationToken);
            var snapshot = bookings.LoadAsync(member.Host, scope, cancellationToken);
            var isFree = BookingContext.IsOffered(host, await availability.ConfigureAwait(false), eventType, eventTypeSlug, await snapshot.ConfigureAwait(false), start, now);
            return (member, isFree ? host : null);
        })).ConfigureAwait(false);
        return checks.Where(c => c.Item2 is not null).ToDictionary(c => c.member, c => c.Item2!);
    }

    private async Task<CreateBookingResult> BookCollectiveAsync(Team team, string eventTypeSlug, EventType offered, BookingRequest request, IdempotencyKey? key, CancellationToken cancellationToken)
    {
        var id = CollectiveIds.New(team.Slug, key?.StorageId);
        var primary = CollectiveHolds.HoldId(TeamBooking.CollectiveLead(team.Members.Select(m => m.Host)), id);
        if (await intents.ReadAsync(id, cancellationToken).ConfigureAwait(false) is { } earlier)
        {
            // A retry of a request with the same key: answer as it ended (or is ending).
            return earlier.Value.State is CollectiveState.Committed or CollectiveState.Completed
                && await bookings.FindAsync(primary, cancellationToken).ConfigureAwait(false) is { } booked
                ? new CreateBookingResult.Created(booked.Value, tokens.Issue(primary).Value, Replayed: true)
                : new CreateBookingResult.SlotUnavailable();
        }

        var errors = new ValidationErrors();
        if (CreateBooking.Offer(offered, request, errors) is not var (eventType, client))
        {
            return new CreateBookingResult.Invalid(errors);
        }

        var now = clock.GetCurrentInstant();
        var intent = new CollectiveIntent(id, request.Start, request.Start + eventType.Duration, team.Members.Select(m => m.Host), now + BookCollective.HoldLifetime);
        var terms = new CollectiveHoldTerms(
            eventTypeSlug,
            eventType,
            client,
            eventType.Location?.ResolveFor(VideoRoom.NewName(), locations.GeneratedVideoBase),
            new TeamBooking(team.Slug, TeamAssignment.Collective, intent.Members) { CollectiveId = id });
        await recovery.ScheduleAsync(id, intent.HoldsExpireAt, cancellationToken).ConfigureAwait(false);
        if (await new BookCollective(holds.For(terms), clock).BookAsync(intent, cancellationToken).ConfigureAwait(false) != CollectiveOutcome.Booked)
        {
            return new CreateBookingResult.SlotUnavailable();
        }

        var booking = await bookings.FindAsync(primary, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Collective booking {id} committed without its first member's booking.");
        return new CreateBookingResult.Created(booking.Value, tokens.Issue(primary).Value, Replayed: false);
    }
}
