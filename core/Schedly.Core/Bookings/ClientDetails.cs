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

    /// <summary>What an erased client's name and email read (docs/SECURITY.md, "Privacy").</summary>
    public const string ErasedMarker = "erased";

    /// <summary>True once the personal fields were erased.</summary>
    public bool IsErased => Email == ErasedMarker;

    /// <summary>The same booking's client with every personal field replaced: name and email by the marker, notes and answers emptied.</summary>
    public ClientDetails Erased() => this with { Name = ErasedMarker, Email = ErasedMarker, Notes = "", Answers = new Dictionary<string, string>() };
}
