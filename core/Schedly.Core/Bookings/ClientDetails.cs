using NodaTime;

namespace Schedly.Core.Bookings;

/// <summary>Who booked: as validated from the booking form.</summary>
public sealed record ClientDetails(string Name, string Email, DateTimeZone TimeZone, string Notes, IReadOnlyDictionary<string, string> Answers)
{
    public const int MaxNameLength = 200;
    public const int MaxNotesLength = 2000;
    public const int MaxAnswers = 20;
    public const int MaxAnswerKeyLength = 100;
    public const int MaxAnswerLength = 2000;
}
