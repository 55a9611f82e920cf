using System.Text.Json.Serialization;
using Schedly.Core.Scheduling;

namespace Schedly.Functions.Slots;

/// <summary>
/// <c>{ timeZone, days: [ { date, slots: [ { start, end, seatsLeft? } ] } ] }</c>; days without free slots are omitted;
/// <c>seatsLeft</c> only for a seated event type.
/// </summary>
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
                slots.Add(new SlotResponse(slot.Start.ToString(), slot.End.ToString(), slot.SeatsLeft));
            }

            result.Add(new SlotDayResponse(NodaTime.Text.LocalDatePattern.Iso.Format(day.Date), slots));
        }

        return new SlotsResponse(days.TimeZone, result);
    }
}

public sealed record SlotDayResponse(string Date, IReadOnlyList<SlotResponse> Slots);

/// <summary>One free slot; <paramref name="SeatsLeft"/> (seated event types only) how many clients may still book it.</summary>
public sealed record SlotResponse(string Start, string End, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? SeatsLeft = null);
