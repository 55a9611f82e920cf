using System.Globalization;
using Schedly.Core.Scheduling;
using Schedly.Core.Validation;

namespace Schedly.Core.Bookings;

/// <summary>
/// The length a client chose (<c>durationMinutes</c> of a slot query or a booking request), checked against the lengths
/// the event type offers: absent means the default; any other length is a validation error on <c>durationMinutes</c>
/// that lists the offered ones.
/// </summary>
public static class ChosenDuration
{
    public const string Field = "durationMinutes";

    /// <summary>A query-string value: absent or empty → null (the default); else 1 to 4 ASCII digits, or an error.</summary>
    public static int? ParseQuery(string? text, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (text.Length <= 4 && text.All(char.IsAsciiDigit))
        {
            return int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
        }

        errors.Add(Field, "A whole number of minutes, one of the event type's durationOptions.");
        return null;
    }

    /// <summary><paramref name="type"/> lasting the chosen length, or null with an error naming the lengths offered.</summary>
    public static EventType? Apply(EventType type, int? minutes, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(errors);
        if (type.Lasting(minutes) is { } chosen)
        {
            return chosen;
        }

        errors.Add(Field, $"This event type lasts {string.Join(", ", type.OfferedDurations.Select(o => o.Minutes.ToString(CultureInfo.InvariantCulture)))} minutes.");
        return null;
    }
}
