using NodaTime;
using Schedly.Core.Scheduling;

namespace Schedly.Core.Tests.Scheduling;

public sealed class DurationOptionsDraftTests
{
    private static readonly EventTypeDraft _twoLengths = new()
    {
        Title = "Consultation",
        Price = new PriceDraft("50.00", "EUR"),
        DurationOptions = [new DurationOptionDraft(30, null), new DurationOptionDraft(60, new PriceDraft("90.00", "EUR"))],
    };

    [Fact]
    public void Validate_OptionsWithoutDuration_DefaultIsTheFirst()
    {
        var type = _twoLengths.Validate().Value;

        Assert.Equal(Duration.FromMinutes(30), type.Duration);
        Assert.Equal([30, 60], type.OfferedDurations.Select(o => o.Minutes));
    }

    [Fact]
    public void Lasting_EachOption_TakesItsLengthAndPriceElseTheTypes()
    {
        var type = (_twoLengths with { DurationMinutes = 60 }).Validate().Value;

        Assert.Equal(new Price(90m, "EUR"), type.Lasting(60)!.Price);
        Assert.Equal(new Price(50m, "EUR"), type.Lasting(30)!.Price);
        Assert.Equal(Duration.FromMinutes(60), type.Lasting(null)!.Duration);
        Assert.Null(type.Lasting(45));
    }

    [Fact]
    public void Validate_DurationNotAnOption_IsError()
    {
        var result = (_twoLengths with { DurationMinutes = 45 }).Validate();

        Assert.False(result.IsValid);
        Assert.True(result.Errors.ToDictionary().ContainsKey("durationMinutes"));
    }

    [Theory]
    [InlineData(0, "durationOptions[1].minutes")]
    [InlineData(1441, "durationOptions[1].minutes")]
    [InlineData(30, "durationOptions[1].minutes")]
    public void Validate_BadOption_IsErrorOnIt(int minutes, string field)
    {
        var result = (_twoLengths with { DurationOptions = [new DurationOptionDraft(30, null), new DurationOptionDraft(minutes, null)] }).Validate();

        Assert.False(result.IsValid);
        Assert.True(result.Errors.ToDictionary().ContainsKey(field), result.Errors.ToString());
    }

    [Fact]
    public void Validate_BadOptionPrice_IsErrorOnIt()
    {
        var result = (_twoLengths with { DurationOptions = [new DurationOptionDraft(30, new PriceDraft("-1", "EUR"))] }).Validate();

        Assert.True(result.Errors.ToDictionary().ContainsKey("durationOptions[0].price.amount"));
    }

    [Fact]
    public void Validate_NoOptions_OffersOnlyTheDuration()
    {
        var type = new EventTypeDraft { Title = "Call", DurationMinutes = 45 }.Validate().Value;

        Assert.Empty(type.DurationOptions);
        Assert.Equal([45], type.OfferedDurations.Select(o => o.Minutes));
        Assert.Null(type.Lasting(30));
    }
}
