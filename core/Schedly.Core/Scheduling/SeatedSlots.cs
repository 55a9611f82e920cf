using NodaTime;

namespace Schedly.Core.Scheduling;

/// <summary>
/// The slot rules of a seated event type (<see cref="EventType.Seats"/> = N), on top of <see cref="SlotEngine"/>:
/// <list type="bullet">
/// <item>A start with no session yet is offered exactly when the engine offers it with every session as busy time
/// (the host is busy once per session, whatever its seats): N seats left.</item>
/// <item>A session's own start (at the length asked for) is offered while it has a free seat and the engine would
/// offer that start were the session not there (other bookings, other sessions, hours, notice, window and daily limit
/// all still apply): N − taken seats left.</item>
/// <item>Every other start overlapping a session is not offered: its time is the session's.</item>
/// <item>The daily limit counts sessions (a seat joining a session adds none) or attendees (every seat), as
/// <see cref="EventType.LimitsCount"/> says.</item>
/// </list>
/// </summary>
public static class SeatedSlots
{
    /// <summary>The slots starting on <paramref name="clientDates"/> in <paramref name="clientZone"/>, each with its seats left.</summary>
    public static SlotDays Compute(SeatedContext context, DateInterval clientDates, DateTimeZone clientZone, Instant now)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(clientDates);
        ArgumentNullException.ThrowIfNull(clientZone);
        var seats = context.Seats;
        var fresh = SlotEngine.Compute(context.WithSessionsBusy(except: null), clientDates, clientZone, now);
        var offered = new SortedDictionary<long, int>();
        foreach (var ticks in fresh.StartTicks)
        {
            offered[ticks] = seats;
        }

        var from = clientDates.Start.AtStartOfDayInZone(clientZone).ToInstant();
        var to = clientDates.End.PlusDays(1).AtStartOfDayInZone(clientZone).ToInstant();
        foreach (var session in context.Sessions)
        {
            if (session.Start >= from && session.Start < to && SeatsLeftIn(context, session, now) is > 0 and var left)
            {
                offered[Ticks.Floor(session.Start)] = left;
            }
        }

        var starts = offered.Keys.ToArray();
        return SlotEngine.Group(clientZone, context.Slots.EventType.Duration, starts, starts.Length).WithSeatsLeft([.. offered.Values]);
    }

    /// <summary>The seats a booking starting at <paramref name="start"/> could take now; 0 when the start is not offered.</summary>
    public static int SeatsLeft(SeatedContext context, Instant start, Instant now)
    {
        ArgumentNullException.ThrowIfNull(context);
        var session = context.SessionAt(start);
        if (session is not null)
        {
            return SeatsLeftIn(context, session, now);
        }

        return SlotEngine.IsOffered(context.WithSessionsBusy(except: null), start, now) ? context.Seats : 0;
    }

    private static int SeatsLeftIn(SeatedContext context, SeatSession session, Instant now)
    {
        var left = context.Seats - session.Taken;
        if (left <= 0 || session.Length != context.Slots.EventType.Duration
            || !SlotEngine.IsOffered(context.WithSessionsBusy(except: session), session.Start, now))
        {
            return 0;
        }

        return context.AttendeeLimitReachedOn(session.Start) ? 0 : left;
    }
}

/// <summary>
/// What <see cref="SeatedSlots"/> needs: the host's slot context whose bookings are everything EXCEPT the seats of the
/// seated type (other event types' bookings, and this type's bookings when they form no session), and the sessions of
/// the seated type, at any length.
/// </summary>
/// <param name="Slots">The host's zone, availability and the seated event type (at the length asked for), with the other bookings.</param>
/// <param name="Sessions">The seated type's sessions in the window, each with its seats taken.</param>
public sealed record SeatedContext(SlotContext Slots, IReadOnlyList<SeatSession> Sessions)
{
    /// <summary>The seats of one session of the event type.</summary>
    public int Seats => Slots.EventType.Seats ?? 1;

    /// <summary>The session starting at <paramref name="start"/> with the length asked for, if any.</summary>
    public SeatSession? SessionAt(Instant start) =>
        Sessions.FirstOrDefault(s => s.Start == start && s.Length == Slots.EventType.Duration);

    /// <summary>The slot context with every session but <paramref name="except"/> as busy time of the host.</summary>
    internal SlotContext WithSessionsBusy(SeatSession? except)
    {
        var busy = new List<BusyBooking>(Slots.Bookings.Count + Sessions.Count);
        busy.AddRange(Slots.Bookings);
        foreach (var session in Sessions)
        {
            if (!ReferenceEquals(session, except))
            {
                busy.AddRange(session.ToBusy(Slots.EventType.LimitsCount));
            }
        }

        return Slots with { Bookings = busy };
    }

    /// <summary>
    /// True when the daily limit counts attendees and the host-local date of <paramref name="start"/> already holds
    /// that many of the type's seats (one more would overrun it).
    /// </summary>
    internal bool AttendeeLimitReachedOn(Instant start)
    {
        var eventType = Slots.EventType;
        if (eventType.LimitsCount != LimitsCount.Attendees || eventType.MaxBookingsPerDay is not { } max)
        {
            return false;
        }

        var zone = Slots.HostZone;
        var date = start.InZone(zone).Date;
        var attendees = Sessions.Where(s => s.Start.InZone(zone).Date == date).Sum(s => s.Taken)
            + Slots.Bookings.Count(b => b.CountsTowardDailyLimit && b.Start.InZone(zone).Date == date);
        return attendees >= max;
    }
}
