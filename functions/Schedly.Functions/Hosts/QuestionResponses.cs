using Schedly.Core.Questions;

namespace Schedly.Functions.Hosts;

/// <summary>A booking question on the wire, the request shape of <c>questions[]</c>.</summary>
public sealed record QuestionResponse(string Id, string Label, string Type, bool Required, IReadOnlyList<QuestionOptionResponse> Options)
{
    public static List<QuestionResponse> From(IEnumerable<BookingQuestion> questions) =>
        [.. questions.Select(q => new QuestionResponse(q.Id, q.Label, QuestionTypes.Name(q.Type), q.Required, [.. q.Options.Select(o => new QuestionOptionResponse(o.Id, o.Label))]))];
}

public sealed record QuestionOptionResponse(string Id, string Label);

/// <summary>One answer of a booking with the question's label and type as booked: <c>{ questionId, label, type, value, optionIds }</c>.</summary>
public sealed record BookedAnswerResponse(string QuestionId, string Label, string Type, string Value, IReadOnlyList<string> OptionIds)
{
    public static List<BookedAnswerResponse> From(IEnumerable<BookedAnswer> answers) =>
        [.. answers.Select(a => new BookedAnswerResponse(a.QuestionId, a.Label, QuestionTypes.Name(a.Type), a.Value, a.OptionIds))];
}
