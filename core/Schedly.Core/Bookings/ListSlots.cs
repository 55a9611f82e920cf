using System.Globalization;
using NodaTime;
using Schedly.Core.Calendars;
using Schedly.Core.Hosts;
using Schedly.Core.Scheduling;
using Schedly.Core.Validation;

namespace Schedly.Core.Bookings;

/// <summary>
/// The free slots of a host's event type for a client's date range and zone. Storage cost: one
/// point read (host and schedule), one partition range query (bookings in the window) and one more
/// (busy time imported from the host's calendars in the window). One response holds at most
/// <see cref="SlotQuery.MaxSlots"/> slots: a range longer than <see cref="SlotQuery.MaxDaysFor"/> the event type's
/// slot interval is invalid. <c>durationMinutes</c> (null: the default) picks one of the event type's lengths: slots
/// last that long and need room for it (<see cref="ChosenDuration"/>).
/// </summary>
public sealed class ListSlots(IHostRepository hosts, IBookingStore bookings, IImportedBusyTime imported, IClock clock)
{
    public async Task<ListSlotsResult> ExecuteAsync(HostSlug host, string eventTypeSlug, SlotQueryDraft draft, string? durationMinutes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(draft);
        var query = draft.Validate();
        var errors = query.IsValid ? new ValidationErrors() : query.Errors;
        var minutes = ChosenDuration.ParseQuery(durationMinutes, errors);
        if (!errors.IsEmpty)
        {
            return new ListSlotsResult.Invalid(errors);
        }

        var stored = await hosts.FindAsync(host, cancellationToken).ConfigureAwait(false);
        var offered = stored?.Value.Schedule.FindEventType(eventTypeSlug);
        // A suspended host takes no bookings (docs/SECURITY.md, "Hosts and the operator").
        if (stored is null || stored.Value.Suspended || offered is not { Active: true })
        {
            return new ListSlotsResult.NotFound();
        }

        if (ChosenDuration.Apply(offered, minutes, errors) is not { } eventType)
        {
            return new ListSlotsResult.Invalid(errors);
        }

        if (RangeErrors(query.Value, eventType) is { } tooLong)
        {
            return new ListSlotsResult.Invalid(tooLong);
        }

        var window = SlotEngine.BusyWindow(query.Value, eventType);
        var now = clock.GetCurrentInstant();
        var (context, booked) = await LoadAsync(bookings, imported, stored.Value, eventType, window, now, cancellationToken).ConfigureAwait(false);
        if (eventType.Seats is not null)
        {
            var seated = SeatSessions.Split(context, booked, eventTypeSlug);
            return new ListSlotsResult.Found(SeatedSlots.Compute(seated, new DateInterval(query.Value.Start, query.Value.End), query.Value.TimeZone, now));
        }

        return new ListSlotsResult.Found(SlotEngine.Compute(context with { Bookings = Busy(booked, eventTypeSlug) }, query.Value, now));
    }

    /// <summary>Null when the query's range is allowed for the event type's slot interval, else the error on <c>end</c>.</summary>
    internal static ValidationErrors? RangeErrors(SlotQuery query, EventType eventType)
    {
        var maxDays = SlotQuery.MaxDaysFor(eventType.SlotInterval);
        return query.Days <= maxDays ? null : ValidationErrors.Single("end", string.Create(CultureInfo.InvariantCulture,
            $"This event type offers a slot every {(int)eventType.SlotInterval.TotalMinutes} minutes: the range may cover at most {maxDays} days (at most {SlotQuery.MaxSlots} slots per response)."));
    }

    /// <summary>
    /// The slot context of <paramref name="host"/> for <paramref name="eventType"/> over <paramref name="window"/>: one
    /// range query for its bookings and one for the busy time of its calendars.
    /// </summary>
    internal static async Task<SlotContext> ContextAsync(IBookingStore bookings, IImportedBusyTime imported, Host host, EventType eventType, string eventTypeSlug, Interval window, Instant now, CancellationToken cancellationToken)
    {
        var (context, booked) = await LoadAsync(bookings, imported, host, eventType, window, now, cancellationToken).ConfigureAwait(false);
        return context with { Bookings = Busy(booked, eventTypeSlug) };
    }

    /// <summary>The host's slot context without bookings, and its active bookings in <paramref name="window"/> (two range queries).</summary>
    private static async Task<(SlotContext Context, IReadOnlyList<BookedSpan> Booked)> LoadAsync(IBookingStore bookings, IImportedBusyTime imported, Host host, EventType eventType, Interval window, Instant now, CancellationToken cancellationToken)
    {
        var snapshot = await bookings.LoadAsync(host.Slug, new SnapshotScope(window), cancellationToken).ConfigureAwait(false);
        var availability = await BookingContext.AvailabilityAsync(imported, host, window, now, cancellationToken).ConfigureAwait(false);
        return (new SlotContext(host.Profile.TimeZone, availability, eventType, []), snapshot.Bookings);
    }

    private static List<BusyBooking> Busy(IReadOnlyList<BookedSpan> booked, string eventTypeSlug) =>
        booked.Select(b => b.ToBusy(eventTypeSlug)).ToList();
}

public abstract record ListSlotsResult
{
    private ListSlotsResult()
    {
    }

    public sealed record Found(SlotDays Days) : ListSlotsResult;

    public sealed record NotFound : ListSlotsResult;

    public sealed record Invalid(ValidationErrors Errors) : ListSlotsResult;
}
