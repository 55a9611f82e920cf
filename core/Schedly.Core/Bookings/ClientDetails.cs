using NodaTime;
using Schedly.Core.Questions;

namespace Schedly.Core.Bookings;

/// <summary>
/// Who booked: as validated from the booking form. <see cref="Answers"/> holds each answer as text by question id;
/// <see cref="QuestionAnswers"/> the same answers to the event type's questions with the labels they had when booked
/// (empty for answers given without questions and for bookings of earlier releases).
/// </summary>
public sealed record ClientDetails(string Name, string Email, DateTimeZone TimeZone, string Notes, IReadOnlyDictionary<string, string> Answers)
{
    public IReadOnlyList<BookedAnswer> QuestionAnswers { get; init; } = [];

    /// <summary>The client's language (BCP 47) from the booking request; <c>en</c> by default and for earlier bookings.</summary>
    public string Locale { get; init; } = Validation.LocaleRules.Default;

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
