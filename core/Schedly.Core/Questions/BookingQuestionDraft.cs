using System.Text.RegularExpressions;
using Schedly.Core.Scheduling;
using Schedly.Core.Validation;

namespace Schedly.Core.Questions;

/// <summary>
/// A booking question as a client sent it: <c>{ id, label, type, required?, options? }</c>. Ids (of questions and of
/// options) are 1–50 characters of <c>a-z A-Z 0-9 _ -</c>, unique within their list; labels 1–200 characters on one
/// line; <c>type</c> one of <see cref="QuestionTypes.Names"/>; <c>required</c> defaults to false; <c>options</c> (1–50)
/// for select and multiSelect only. At most 20 questions.
/// </summary>
public sealed partial record BookingQuestionDraft
{
    public string? Id { get; init; }

    public string? Label { get; init; }

    public string? Type { get; init; }

    public bool? Required { get; init; }

    public IReadOnlyList<QuestionOptionDraft?>? Options { get; init; }

    /// <summary>The questions, or null with errors under <c>questions[i]…</c>.</summary>
    public static List<BookingQuestion>? ValidateAll(IReadOnlyList<BookingQuestionDraft?>? drafts, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        drafts ??= [];
        if (drafts.Count > BookingQuestion.MaxQuestions)
        {
            errors.Add("questions", $"At most {BookingQuestion.MaxQuestions} questions.");
            return null;
        }

        var questions = new List<BookingQuestion>();
        var valid = true;
        for (var i = 0; i < drafts.Count; i++)
        {
            var field = SchedulingPatterns.Index("questions", i);
            var draft = drafts[i];
            if (draft is null)
            {
                errors.Add(field, "Required: { id, label, type }.");
                valid = false;
                continue;
            }

            // An invalid question has its own errors (questions[0].options[1].id, …); no extra one for the whole question.
            var question = draft.Validate(field, errors);
            if (question is null)
            {
                valid = false;
            }
            else if (questions.Exists(q => q.Id == question.Id))
            {
                errors.Add(field + ".id", "Each question id once.");
                valid = false;
            }
            else
            {
                questions.Add(question);
            }
        }

        return valid ? questions : null;
    }

    internal static string? ValidId(string? id, string field, ValidationErrors errors)
    {
        if (id is null || !IdShape().IsMatch(id))
        {
            errors.Add(field, $"1 to {BookingQuestion.MaxIdLength} characters: letters, digits, '_' or '-'.");
            return null;
        }

        return id;
    }

    private BookingQuestion? Validate(string field, ValidationErrors errors)
    {
        var id = ValidId(Id, field + ".id", errors);
        var label = TextRules.RequiredLine(Label, field + ".label", BookingQuestion.MaxLabelLength, errors);
        var type = QuestionTypes.Parse(Type);
        if (type is null)
        {
            errors.Add(field + ".type", $"One of {string.Join(", ", QuestionTypes.Names)}.");
        }

        var options = type is { } t ? ValidateOptions(t, field, errors) : null;
        return id is null || label is null || type is null || options is null
            ? null
            : new BookingQuestion(id, label, type.Value, Required ?? false, options);
    }

    private List<QuestionOption>? ValidateOptions(QuestionType type, string field, ValidationErrors errors)
    {
        var drafts = Options ?? [];
        if (!QuestionTypes.HasOptions(type))
        {
            if (drafts.Count > 0)
            {
                errors.Add(field + ".options", "Only select and multiSelect questions have options.");
                return null;
            }

            return [];
        }

        if (drafts.Count is 0 or > BookingQuestion.MaxOptions)
        {
            errors.Add(field + ".options", $"1 to {BookingQuestion.MaxOptions} options.");
            return null;
        }

        var options = new List<QuestionOption>();
        for (var i = 0; i < drafts.Count; i++)
        {
            var optionField = SchedulingPatterns.Index(field + ".options", i);
            var id = ValidId(drafts[i]?.Id, optionField + ".id", errors);
            var label = TextRules.RequiredLine(drafts[i]?.Label, optionField + ".label", BookingQuestion.MaxLabelLength, errors);
            if (id is not null && options.Exists(o => o.Id == id))
            {
                errors.Add(optionField + ".id", "Each option id once.");
            }
            else if (id is not null && label is not null)
            {
                options.Add(new QuestionOption(id, label));
            }
        }

        return options.Count == drafts.Count ? options : null;
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,50}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdShape();
}

/// <summary>One option as a client sent it: <c>{ id, label }</c>.</summary>
public sealed record QuestionOptionDraft(string? Id, string? Label);
