namespace Schedly.Core.Questions;

/// <summary>
/// A question an event type asks when booking. <see cref="Id"/> is the key of its answer and stays stable when the
/// label is reworded; <see cref="Options"/> (select and multiSelect only) are answered by their ids. Build from input
/// with <see cref="BookingQuestionDraft.ValidateAll"/>.
/// </summary>
public sealed record BookingQuestion(string Id, string Label, QuestionType Type, bool Required, IReadOnlyList<QuestionOption> Options)
{
    public const int MaxQuestions = 20;
    public const int MaxOptions = 50;
    public const int MaxLabelLength = 200;
    public const int MaxIdLength = 50;
}

/// <summary>One choice of a select or multiSelect question.</summary>
public sealed record QuestionOption(string Id, string Label);
