using Schedly.Core.Payments;
using Schedly.Core.Scheduling;

namespace Schedly.Core.Tests.Payments;

public sealed class PaidEventTypeValidationTests
{
    [Fact]
    public void PaymentRequired_WithoutAPrice_IsInvalid()
    {
        var result = new EventTypeDraft { Title = "Call", Payment = new PaymentDraft(true) }.Validate();

        Assert.False(result.IsValid);
        Assert.True(result.Errors.ToDictionary().ContainsKey("payment.required"));
    }

    [Fact]
    public void PaymentRequired_ALengthWithAZeroPrice_IsInvalid()
    {
        var draft = new EventTypeDraft
        {
            Title = "Call",
            Price = new PriceDraft("50.00", "EUR"),
            DurationOptions = [new DurationOptionDraft(30, null), new DurationOptionDraft(60, new PriceDraft("0.00", "EUR"))],
            Payment = new PaymentDraft(true),
        };

        Assert.True(draft.Validate().Errors.ToDictionary().ContainsKey("payment.required"));
    }

    [Fact]
    public void PaymentAndApproval_Together_AreInvalid()
    {
        var draft = new EventTypeDraft { Title = "Call", Price = new PriceDraft("50.00", "EUR"), Payment = new PaymentDraft(true), RequiresApproval = true };

        Assert.True(draft.Validate().Errors.ToDictionary().ContainsKey("requiresApproval"));
    }

    [Fact]
    public void PaidType_WithAPrice_IsValid()
    {
        var result = new EventTypeDraft { Title = "Call", Price = new PriceDraft("50.00", "EUR"), Payment = new PaymentDraft(true) }.Validate();

        Assert.True(result.IsValid);
        Assert.True(result.Value.PaymentRequired);
        Assert.False(result.Value.RequiresApproval);
    }

    [Theory]
    [InlineData("50.00", "EUR", 5000)]
    [InlineData("0.99", "USD", 99)]
    [InlineData("1500", "JPY", 1500)]
    public void MinorUnits_FollowTheCurrency(string amount, string currency, long expected) =>
        Assert.Equal(expected, MinorUnits.Of(new Price(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), currency)));
}
