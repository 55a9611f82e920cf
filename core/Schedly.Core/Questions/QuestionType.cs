using Schedly.Core.Validation;

namespace Schedly.Core.Questions;

/// <summary>What kind of answer a booking question takes; the wire names are <see cref="QuestionTypes"/>.</summary>
public enum QuestionType
{
    /// <summary>One line of text.</summary>
    Text,

    /// <summary>Text with line breaks.</summary>
    LongText,

    Email,

    /// <summary>A phone number in E.164.</summary>
    Phone,

    Number,

    /// <summary>An absolute http or https URL.</summary>
    Url,

    /// <summary>True or false; a required checkbox must be ticked.</summary>
    Checkbox,

    /// <summary>One of the question's options, by id.</summary>
    Select,

    /// <summary>Any of the question's options, by id (at least one when required).</summary>
    MultiSelect,
}

/// <summary>The wire (and storage) names of <see cref="QuestionType"/>: <c>text</c>, <c>longText</c>, <c>email</c>, …</summary>
public static class QuestionTypes
{
    public static IReadOnlyCollection<string> Names => WireNames<QuestionType>.Names;

    public static string Name(QuestionType type) => WireNames<QuestionType>.Name(type);

    public static QuestionType? Parse(string? name) => WireNames<QuestionType>.Parse(name);

    /// <summary>True for the types that answer with option ids.</summary>
    public static bool HasOptions(QuestionType type) => type is QuestionType.Select or QuestionType.MultiSelect;
}
