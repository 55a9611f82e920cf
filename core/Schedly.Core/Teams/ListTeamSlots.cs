using NodaTime;
using Schedly.Core.Bookings;
using Schedly.Core.Calendars;
using Schedly.Core.Hosts;
using Schedly.Core.Scheduling;
using Schedly.Core.Validation;

namespace Schedly.Core.Teams;

/// <summary>
/// The free slots of a team event type (<see cref="TeamSlots"/>): every member's own slots for the team's rules,
/// combined by the type's assignment. Storage cost: the team row, then per member (all members at once) one host read
/// and the two range queries of a single host's slot query. A member whose host no longer exists is never free.
/// With a <c>host</c> (a member's slug), only that member's times under the team's rules: where a round-robin booking
/// may move while keeping its member.
/// </summary>
public sealed class ListTeamSlots(ITeamRepository teams, IHostRepository hosts, IBookingStore bookings, IImportedBusyTime imported, IClock clock)
{
    public async Task<ListSlotsResult> ExecuteAsync(string teamSlug, string eventTypeSlug, SlotQueryDraft draft, string? durationMinutes, string? host, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var query = draft.Validate();
        var errors = query.IsValid ? new ValidationErrors() : query.Errors;
        var minutes = ChosenDuration.ParseQuery(durationMinutes, errors);
        if (!errors.IsEmpty)
        {
            return new ListSlotsResult.Invalid(errors);
        }

        var team = TeamSlug.TryParse(teamSlug, out var slug) ? await teams.FindAsync(slug, cancellationToken).ConfigureAwait(false) : null;
        if (team?.Value.FindEventType(eventTypeSlug) is not { EventType.Active: true } offered)
        {
            return new ListSlotsResult.NotFound();
        }

        IReadOnlyList<TeamMember> members = host is null ? team.Value.Members : [.. team.Value.Members.Where(m => m.Host.Value == host)];
        if (members.Count == 0)
        {
            errors.Add("host", "Not a member of this team.");
        }

        if (ChosenDuration.Apply(offered.EventType, minutes, errors) is not { } eventType || !errors.IsEmpty)
        {
            return new ListSlotsResult.Invalid(errors);
        }

        if (ListSlots.RangeErrors(query.Value, eventType) is { } tooLong)
        {
            return new ListSlotsResult.Invalid(tooLong);
        }

        var window = SlotEngine.BusyWindow(query.Value, eventType);
        var now = clock.GetCurrentInstant();
        // The members' reads are independent: issue them together rather than one member after another.
        var loaded = await Task.WhenAll(members.Select(async member =>
            await hosts.FindAsync(member.Host, cancellationToken).ConfigureAwait(false) is { } host
                ? await ListSlots.ContextAsync(bookings, imported, host.Value, eventType, eventTypeSlug, window, now, cancellationToken).ConfigureAwait(false)
                : null)).ConfigureAwait(false);
        var contexts = loaded.OfType<SlotContext>().ToList();
        var missing = contexts.Count < loaded.Length;

        var dates = new DateInterval(query.Value.Start, query.Value.End);
        return new ListSlotsResult.Found(contexts.Count == 0 || (missing && offered.Assignment == TeamAssignment.Collective)
            ? SlotDays.Empty(query.Value.TimeZone.Id, eventType.Duration)
            : TeamSlots.Compute(contexts, offered.Assignment, dates, query.Value.TimeZone, now));
    }
}
