using System.Globalization;
using Schedly.Core.Validation;

namespace Schedly.Core.Questions;

/// <summary>
/// Checks a booking's <c>answers</c> against the event type's questions, each error under <c>answers.{id}</c>: an answer
/// to no question, a missing required answer, a value of the wrong shape or an option not offered are refused. An empty
/// string, an empty list or false counts as no answer (so a required checkbox must be ticked). An event type that asks
/// no questions takes free text answers as v1 did (the request's own limits apply).
/// </summary>
public static class AnswerRules
{
    public const int MaxTextLength = 500;
    public const int MaxLongTextLength = 2000;

    /// <summary>The answers as text by question id (what <c>answers</c> reads back) and as stored with their labels.</summary>
    public static (Dictionary<string, string> Texts, List<BookedAnswer> Booked) Check(
        IReadOnlyList<BookingQuestion> questions, IReadOnlyDictionary<string, AnswerInput> inputs, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(questions);
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(errors);
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        var booked = new List<BookedAnswer>();
        if (questions.Count == 0)
        {
            foreach (var (id, input) in inputs)
            {
                if (input is AnswerInput.Text text)
                {
                    texts[id] = text.Value;
                }
                else
                {
                    errors.Add(Field(id), "A text answer: this event type asks no questions.");
                }
            }

            return (texts, booked);
        }

        foreach (var id in inputs.Keys.Where(id => !questions.Any(q => q.Id == id)))
        {
            errors.Add(Field(id), "This event type asks no such question.");
        }

        foreach (var question in questions)
        {
            var input = inputs.GetValueOrDefault(question.Id);
            if (IsEmpty(input))
            {
                if (question.Required)
                {
                    errors.Add(Field(question.Id), question.Type == QuestionType.Checkbox ? "Required: must be ticked." : "Required.");
                }

                continue;
            }

            if (Answer(question, input!, errors) is { } answer)
            {
                texts[question.Id] = answer.Value;
                booked.Add(answer);
            }
        }

        return (texts, booked);
    }

    private static string Field(string id) => "answers." + id;

    private static bool IsEmpty(AnswerInput? input) => input switch
    {
        null => true,
        AnswerInput.Text text => text.Value.Trim().Length == 0,
        AnswerInput.Choices choices => choices.Ids.Count == 0,
        AnswerInput.Flag flag => !flag.Value,
        _ => false,
    };

    private static BookedAnswer? Answer(BookingQuestion question, AnswerInput input, ValidationErrors errors)
    {
        var field = Field(question.Id);
        string? value = null;
        IReadOnlyList<string> ids = [];
        switch (question.Type)
        {
            case QuestionType.Text:
            case QuestionType.LongText:
                var multiLine = question.Type == QuestionType.LongText;
                var max = multiLine ? MaxLongTextLength : MaxTextLength;
                value = input is AnswerInput.Text t && t.Value.Trim().Length <= max && !TextRules.HasForbiddenControlCharacters(t.Value, multiLine)
                    ? t.Value.Trim()
                    : Refuse(errors, field, $"Text of at most {max} characters{(multiLine ? "" : " on one line")}.");
                break;
            case QuestionType.Email:
                value = input is AnswerInput.Text e ? EmailAddressRules.Required(e.Value, field, errors) : Refuse(errors, field, "An email address.");
                break;
            case QuestionType.Phone:
                value = input is AnswerInput.Text p ? PhoneRules.Required(p.Value, field, errors) : Refuse(errors, field, "A phone number in E.164 form, such as +442079460958.");
                break;
            case QuestionType.Number:
                value = input switch
                {
                    AnswerInput.Number n => n.Value.ToString(CultureInfo.InvariantCulture),
                    _ => Refuse(errors, field, "A number."),
                };
                break;
            case QuestionType.Url:
                value = input is AnswerInput.Text u && u.Value.Trim().Length <= MaxLongTextLength
                    && Uri.TryCreate(u.Value.Trim(), UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp)
                    ? url.AbsoluteUri
                    : Refuse(errors, field, "An absolute http or https URL.");
                break;
            case QuestionType.Checkbox:
                value = input is AnswerInput.Flag { Value: true } ? "yes" : Refuse(errors, field, "true or false.");
                break;
            case QuestionType.Select:
                ids = input is AnswerInput.Text s ? [s.Value] : [];
                value = ids.Count == 1 && Labels(question, ids) is { } label ? label : Refuse(errors, field, $"One of the option ids: {OptionIds(question)}.");
                break;
            case QuestionType.MultiSelect:
                ids = input is AnswerInput.Choices c && c.Ids.Distinct(StringComparer.Ordinal).Count() == c.Ids.Count ? c.Ids : [];
                value = ids.Count > 0 && Labels(question, ids) is { } labels ? labels : Refuse(errors, field, $"A list of distinct option ids among: {OptionIds(question)}.");
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(question), question.Type, "Unknown question type.");
        }

        return value is null ? null : new BookedAnswer(question.Id, question.Label, question.Type, value, ids);
    }

    private static string? Labels(BookingQuestion question, IReadOnlyList<string> ids)
    {
        var labels = ids.Select(id => question.Options.FirstOrDefault(o => o.Id == id)?.Label).ToList();
        return labels.Contains(null) ? null : string.Join(", ", labels);
    }

    private static string OptionIds(BookingQuestion question) => string.Join(", ", question.Options.Select(o => o.Id));

    private static string? Refuse(ValidationErrors errors, string field, string message)
    {
        errors.Add(field, message);
        return null;
    }
}
