using Schedly.Core.Questions;
using Schedly.Core.Validation;

namespace Schedly.Core.Tests.Questions;

public sealed class BookingQuestionDraftTests
{
    private static IReadOnlyDictionary<string, string[]> Errors(params BookingQuestionDraft?[] drafts)
    {
        var errors = new ValidationErrors();
        BookingQuestionDraft.ValidateAll(drafts, errors);
        return errors.ToDictionary();
    }

    [Fact]
    public void ValidateAll_DesignExample_Succeeds()
    {
        var errors = new ValidationErrors();

        var questions = BookingQuestionDraft.ValidateAll(
            [
                new BookingQuestionDraft { Id = "company", Label = "Company", Type = "text", Required = true },
                new BookingQuestionDraft { Id = "topic", Label = "Topic", Type = "select", Options = [new("tax", "Tax"), new("audit", "Audit")] },
            ],
            errors);

        Assert.True(errors.IsEmpty, errors.ToString());
        Assert.Equal(["company", "topic"], questions!.Select(q => q.Id));
        Assert.False(questions![1].Required);
        Assert.Equal(["tax", "audit"], questions[1].Options.Select(o => o.Id));
    }

    [Fact]
    public void ValidateAll_BadQuestions_AreErrorsOnTheirFields()
    {
        var errors = Errors(
            new BookingQuestionDraft { Id = "bad id", Label = "X", Type = "text" },
            new BookingQuestionDraft { Id = "t", Label = "T", Type = "dropdown" },
            new BookingQuestionDraft { Id = "s", Label = "S", Type = "select" },
            new BookingQuestionDraft { Id = "c", Label = "C", Type = "checkbox", Options = [new("a", "A")] },
            new BookingQuestionDraft { Id = "m", Label = "M", Type = "multiSelect", Options = [new("a", "A"), new("a", "B")] },
            null);

        Assert.Contains("questions[0].id", errors.Keys);
        Assert.Contains("questions[1].type", errors.Keys);
        Assert.Contains("questions[2].options", errors.Keys);
        Assert.Contains("questions[3].options", errors.Keys);
        Assert.Contains("questions[4].options[1].id", errors.Keys);
        Assert.Contains("questions[5]", errors.Keys);
        Assert.DoesNotContain("questions[0]", errors.Keys); // a question with its own errors gets no extra one for itself
        Assert.DoesNotContain("questions[4]", errors.Keys);
    }

    [Fact]
    public void ValidateAll_DuplicateIds_IsError()
    {
        var errors = Errors(
            new BookingQuestionDraft { Id = "a", Label = "A", Type = "text" },
            new BookingQuestionDraft { Id = "a", Label = "B", Type = "text" });

        Assert.Contains("questions[1].id", errors.Keys);
    }
}
