namespace Schedly.Core.Scheduling;

/// <summary>
/// What an event type's daily limit (<see cref="EventType.MaxBookingsPerDay"/>) counts when the type is seated: each
/// session once however many seats it has taken (<see cref="Sessions"/>, the default), or every seat booked
/// (<see cref="Attendees"/>). For an event type without seats both count the same.
/// </summary>
public enum LimitsCount
{
    Sessions,
    Attendees,
}

/// <summary>The wire names of <see cref="LimitsCount"/>: <c>sessions</c> and <c>attendees</c>.</summary>
public static class LimitsCounts
{
    public static string Name(LimitsCount value) => value == LimitsCount.Attendees ? "attendees" : "sessions";

    /// <summary>The value named <paramref name="name"/> (case-sensitive), or null for any other text.</summary>
    public static LimitsCount? Parse(string? name) => name switch
    {
        "sessions" => LimitsCount.Sessions,
        "attendees" => LimitsCount.Attendees,
        _ => null,
    };
}
