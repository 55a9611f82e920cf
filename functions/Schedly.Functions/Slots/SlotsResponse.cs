using Schedly.Core.Scheduling;

namespace Schedly.Functions.Slots;

/// <summary><c>{ timeZone, days: [ { date, slots: [ { start, end } ] } ] }</c>; days without free slots are omitted.</summary>
public sealed record SlotsResponse(string TimeZone, IReadOnlyList<SlotDayResponse> Days)
{
    public static SlotsResponse From(SlotDays days)
    {
        ArgumentNullException.ThrowIfNull(days);
        var result = new List<SlotDayResponse>(days.Count);
        foreach (var day in days)
        {
            var slots = new List<SlotResponse>(day.Count);
            foreach (var slot in day)
            {
                slots.Add(new SlotResponse(slot.Start.ToString(), slot.End.ToString()));
            }

            result.Add(new SlotDayResponse(NodaTime.Text.LocalDatePattern.Iso.Format(day.Date), slots));
        }

        return new SlotsResponse(days.TimeZone, result);
    }
}

public sealed record SlotDayResponse(string Date, IReadOnlyList<SlotResponse> Slots);

public sealed record SlotResponse(string Start, string End);
