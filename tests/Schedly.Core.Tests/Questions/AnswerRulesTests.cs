using Schedly.Core.Questions;
using Schedly.Core.Validation;

namespace Schedly.Core.Tests.Questions;

public sealed class AnswerRulesTests
{
    private static readonly IReadOnlyList<BookingQuestion> Questions =
    [
        new("company", "Company", QuestionType.Text, Required: true, []),
        new("topic", "Topic", QuestionType.Select, Required: false, [new("tax", "Tax"), new("audit", "Audit")]),
        new("areas", "Areas", QuestionType.MultiSelect, Required: false, [new("uk", "UK"), new("fr", "France")]),
        new("phone", "Phone", QuestionType.Phone, Required: false, []),
        new("staff", "Staff", QuestionType.Number, Required: false, []),
        new("site", "Website", QuestionType.Url, Required: false, []),
        new("cc", "Copy to", QuestionType.Email, Required: false, []),
        new("terms", "I accept the terms", QuestionType.Checkbox, Required: true, []),
        new("story", "Background", QuestionType.LongText, Required: false, []),
    ];

    private static readonly Dictionary<string, AnswerInput> Valid = new()
    {
        ["company"] = new AnswerInput.Text("Navy"),
        ["topic"] = new AnswerInput.Text("audit"),
        ["areas"] = new AnswerInput.Choices(["fr", "uk"]),
        ["phone"] = new AnswerInput.Text("+44 20 7946 0958"),
        ["staff"] = new AnswerInput.Number(12.5m),
        ["site"] = new AnswerInput.Text("https://navy.example/"),
        ["cc"] = new AnswerInput.Text("ops@navy.example"),
        ["terms"] = new AnswerInput.Flag(true),
        ["story"] = new AnswerInput.Text("Line one\nLine two"),
    };

    private static (Dictionary<string, string> Texts, List<BookedAnswer> Booked, IReadOnlyDictionary<string, string[]> Errors) Check(Dictionary<string, AnswerInput> inputs)
    {
        var errors = new ValidationErrors();
        var (texts, booked) = AnswerRules.Check(Questions, inputs, errors);
        return (texts, booked, errors.ToDictionary());
    }

    [Fact]
    public void Check_EveryTypeValid_StoresTextsAndLabels()
    {
        var (texts, booked, errors) = Check(Valid);

        Assert.Empty(errors);
        Assert.Equal("Audit", texts["topic"]);
        Assert.Equal("France, UK", texts["areas"]);
        Assert.Equal("+442079460958", texts["phone"]);
        Assert.Equal("12.5", texts["staff"]);
        Assert.Equal("yes", texts["terms"]);
        var topic = Assert.Single(booked, a => a.QuestionId == "topic");
        Assert.Equal(("Topic", QuestionType.Select, "Audit"), (topic.Label, topic.Type, topic.Value));
        Assert.Equal(["audit"], topic.OptionIds);
        Assert.Equal(["fr", "uk"], booked.Single(a => a.QuestionId == "areas").OptionIds);
    }

    public static TheoryData<string, AnswerInput?> Bad => new()
    {
        { "company", null },
        { "company", new AnswerInput.Text("  ") },
        { "terms", new AnswerInput.Flag(false) },
        { "topic", new AnswerInput.Text("golf") },
        { "topic", new AnswerInput.Choices(["tax"]) },
        { "areas", new AnswerInput.Choices(["uk", "uk"]) },
        { "areas", new AnswerInput.Choices(["uk", "de"]) },
        { "areas", new AnswerInput.Text("uk") },
        { "phone", new AnswerInput.Text("020 7946 0958") },
        { "staff", new AnswerInput.Text("twelve") },
        { "site", new AnswerInput.Text("javascript:alert(1)") },
        { "cc", new AnswerInput.Text("not an email") },
        { "company", new AnswerInput.Text("two\nlines") },
        { "company", new AnswerInput.Number(3) },
    };

    [Theory]
    [MemberData(nameof(Bad))]
    public void Check_BadAnswer_IsAnErrorOnThatAnswer(string id, AnswerInput? input)
    {
        var inputs = new Dictionary<string, AnswerInput>(Valid);
        inputs.Remove(id);
        if (input is not null)
        {
            inputs[id] = input;
        }

        var (_, _, errors) = Check(inputs);

        Assert.Equal(["answers." + id], errors.Keys);
    }

    [Fact]
    public void Check_UnknownQuestion_IsAnErrorOnIt()
    {
        var (_, _, errors) = Check(new Dictionary<string, AnswerInput>(Valid) { ["shoeSize"] = new AnswerInput.Text("42") });

        Assert.Equal(["answers.shoeSize"], errors.Keys);
    }

    [Fact]
    public void Check_NoQuestions_TakesFreeTextAsV1Did()
    {
        var errors = new ValidationErrors();

        var (texts, booked) = AnswerRules.Check([], new Dictionary<string, AnswerInput> { ["company"] = new AnswerInput.Text("Navy") }, errors);

        Assert.True(errors.IsEmpty);
        Assert.Equal("Navy", texts["company"]);
        Assert.Empty(booked);
        AnswerRules.Check([], new Dictionary<string, AnswerInput> { ["n"] = new AnswerInput.Number(1) }, errors);
        Assert.False(errors.IsEmpty);
    }
}
