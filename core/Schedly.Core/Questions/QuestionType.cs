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
    private static readonly Dictionary<string, QuestionType> ByName = new(StringComparer.Ordinal)
    {
        ["text"] = QuestionType.Text,
        ["longText"] = QuestionType.LongText,
        ["email"] = QuestionType.Email,
        ["phone"] = QuestionType.Phone,
        ["number"] = QuestionType.Number,
        ["url"] = QuestionType.Url,
        ["checkbox"] = QuestionType.Checkbox,
        ["select"] = QuestionType.Select,
        ["multiSelect"] = QuestionType.MultiSelect,
    };

    public static IReadOnlyCollection<string> Names => ByName.Keys;

    public static string Name(QuestionType type) => ByName.First(pair => pair.Value == type).Key;

    public static QuestionType? Parse(string? name) => name is not null && ByName.TryGetValue(name, out var type) ? type : null;

    /// <summary>True for the types that answer with option ids.</summary>
    public static bool HasOptions(QuestionType type) => type is QuestionType.Select or QuestionType.MultiSelect;
}
