namespace Schedly.Core.Questions;

/// <summary>
/// One answer value as the client sent it, in the shapes JSON allows (<c>answers</c> values are strings, numbers,
/// booleans or arrays of option ids). The HTTP layer maps JSON onto these; anything else is <see cref="Other"/>.
/// </summary>
public abstract record AnswerInput
{
    private AnswerInput()
    {
    }

    public sealed record Text(string Value) : AnswerInput;

    public sealed record Number(decimal Value) : AnswerInput;

    public sealed record Flag(bool Value) : AnswerInput;

    public sealed record Choices(IReadOnlyList<string> Ids) : AnswerInput;

    /// <summary>An object, an array of non-strings, or a number out of range.</summary>
    public sealed record Other : AnswerInput;
}
