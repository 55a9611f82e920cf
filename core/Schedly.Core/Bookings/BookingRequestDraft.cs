using NodaTime;
using Schedly.Core.Questions;
using Schedly.Core.Scheduling;
using Schedly.Core.Validation;

namespace Schedly.Core.Bookings;

/// <summary>
/// A booking form as a client sent it: <c>{ start, name, email, timeZone, notes?, answers? }</c>.
/// Name 1–200 characters on one line; a real email address; an IANA zone (the client's, used for
/// their emails); notes up to 2,000 characters; up to 20 answers, keys up to 100 and values up to
/// 2,000 characters (lists up to 50 ids of up to 100). Control characters are refused (line breaks are allowed in notes
/// and answers). Answers are checked against the event type's questions by the use case (<see cref="AnswerRules"/>).
/// <see cref="DurationMinutes"/> (null: the event type's default) is checked against the event type's lengths by the
/// use case (<see cref="ChosenDuration"/>).
/// </summary>
public sealed record BookingRequestDraft(string? Start, string? Name, string? Email, string? TimeZone, string? Notes, IReadOnlyDictionary<string, AnswerInput?>? Answers)
{
    public int? DurationMinutes { get; init; }

    /// <summary>The client's language, a BCP 47 tag; default <c>en</c>.</summary>
    public string? Locale { get; init; }

    public Validated<BookingRequest> Validate()
    {
        var errors = new ValidationErrors();
        var start = SchedulingPatterns.RequiredInstant(Start, "start", errors);
        var name = TextRules.RequiredName(Name, "name", ClientDetails.MaxNameLength, errors);
        var email = EmailAddressRules.Required(Email, "email", errors);
        var zone = TimeZoneRules.Required(TimeZone, "timeZone", errors);
        var notes = ValidateNotes(errors);
        var answers = ValidateAnswers(errors);
        var locale = LocaleRules.Optional(Locale, "locale", errors);
        return errors.IsEmpty
            ? Validated<BookingRequest>.Valid(new BookingRequest(start!.Value, new ClientDetails(name!, email!, zone!, notes, new Dictionary<string, string>()) { Locale = locale! })
            {
                DurationMinutes = DurationMinutes,
                Answers = answers,
            })
            : Validated<BookingRequest>.Invalid(errors);
    }

    private string ValidateNotes(ValidationErrors errors)
    {
        var notes = Notes?.Trim() ?? "";
        if (notes.Length > ClientDetails.MaxNotesLength)
        {
            errors.Add("notes", $"At most {ClientDetails.MaxNotesLength} characters.");
        }
        else if (TextRules.HasForbiddenControlCharacters(notes, multiLine: true))
        {
            errors.Add("notes", "Must not contain control characters.");
        }

        return notes;
    }

    private Dictionary<string, AnswerInput> ValidateAnswers(ValidationErrors errors)
    {
        var answers = new Dictionary<string, AnswerInput>(StringComparer.Ordinal);
        if (Answers is null)
        {
            return answers;
        }

        if (Answers.Count > ClientDetails.MaxAnswers)
        {
            errors.Add("answers", $"At most {ClientDetails.MaxAnswers} answers.");
            return answers;
        }

        foreach (var (key, value) in Answers)
        {
            var field = "answers." + (key.Length <= ClientDetails.MaxAnswerKeyLength ? key : key[..ClientDetails.MaxAnswerKeyLength]);
            if (key.Trim().Length == 0 || key.Length > ClientDetails.MaxAnswerKeyLength || TextRules.HasForbiddenControlCharacters(key, multiLine: false))
            {
                errors.Add(field, $"Answer keys are 1 to {ClientDetails.MaxAnswerKeyLength} characters without control characters.");
                continue;
            }

            switch (value)
            {
                case null:
                    continue;
                case AnswerInput.Text text when text.Value.Trim().Length > ClientDetails.MaxAnswerLength || TextRules.HasForbiddenControlCharacters(text.Value, multiLine: true):
                    errors.Add(field, $"At most {ClientDetails.MaxAnswerLength} characters, without control characters.");
                    continue;
                case AnswerInput.Text text:
                    answers[key] = new AnswerInput.Text(text.Value.Trim());
                    continue;
                case AnswerInput.Choices choices when choices.Ids.Count > BookingQuestion.MaxOptions || choices.Ids.Any(id => id.Length > ClientDetails.MaxAnswerKeyLength):
                    errors.Add(field, $"At most {BookingQuestion.MaxOptions} option ids of at most {ClientDetails.MaxAnswerKeyLength} characters.");
                    continue;
                case AnswerInput.Other:
                    errors.Add(field, "A string, a number, true or false, or a list of option ids.");
                    continue;
                default:
                    answers[key] = value;
                    continue;
            }
        }

        return answers;
    }
}

/// <summary>A valid booking request: when, and who; <see cref="DurationMinutes"/> null: the default length.</summary>
public sealed record BookingRequest(Instant Start, ClientDetails Client)
{
    public int? DurationMinutes { get; init; }

    /// <summary>The answers as sent (shape-checked only), by question id.</summary>
    public IReadOnlyDictionary<string, AnswerInput> Answers { get; init; } = new Dictionary<string, AnswerInput>();
}
