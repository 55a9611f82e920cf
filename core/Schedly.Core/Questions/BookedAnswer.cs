namespace Schedly.Core.Questions;

/// <summary>
/// One answer as stored with a booking, with copies of the question's <see cref="Label"/> and type as they were when
/// booked (a later edit of the event type does not change what the client was asked). <see cref="Value"/> is the answer
/// as text (option labels for select/multiSelect, "yes"/"no" for a checkbox); <see cref="OptionIds"/> the ids chosen.
/// </summary>
public sealed record BookedAnswer(string QuestionId, string Label, QuestionType Type, string Value, IReadOnlyList<string> OptionIds);
