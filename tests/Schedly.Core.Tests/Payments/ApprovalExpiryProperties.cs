using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Schedly.Core.Payments;

namespace Schedly.Core.Tests.Payments;

/// <summary>An unanswered request always expires after it is made and no later than its start, whatever the settings.</summary>
public sealed class ApprovalExpiryProperties
{
    private static readonly Instant Now = Instant.FromUtc(2026, 12, 1, 12, 0);

    [Property(MaxTest = 500)]
    public Property ApprovalExpiry_IsAfterNow_AndNotAfterTheStart() =>
        Prop.ForAll(
            Gen.Choose(2, 60 * 24 * 400).ToArbitrary(),
            Gen.Choose(1, 720).ToArbitrary(),
            Gen.Choose(0, 10080).ToArbitrary(),
            (minutesAhead, maxWaitHours, marginMinutes) =>
            {
                var options = new PaymentOptions { ApprovalMaxWaitHours = maxWaitHours, ApprovalMarginMinutes = marginMinutes };
                var start = Now + Duration.FromMinutes(minutesAhead);
                var expiry = options.ApprovalExpiry(start, Now);
                return expiry > Now && expiry <= start && expiry <= Now + Duration.FromHours(maxWaitHours);
            });

    [Fact]
    public void ApprovalExpiry_FarStart_WaitsTheMaximum()
    {
        var options = new PaymentOptions { ApprovalMaxWaitHours = 72, ApprovalMarginMinutes = 60 };

        Assert.Equal(Now + Duration.FromHours(72), options.ApprovalExpiry(Now + Duration.FromDays(30), Now));
        Assert.Equal(Now + Duration.FromHours(23), options.ApprovalExpiry(Now + Duration.FromHours(24), Now));
    }

    [Fact]
    public void Validate_StripeKeyWithoutWebhookSecret_IsAnError()
    {
        var errors = new PaymentOptions { StripeSecretKey = "sk_test_x" }.Validate();

        Assert.Contains(errors, e => e.Contains("StripeWebhookSecret", StringComparison.Ordinal));
        Assert.Empty(new PaymentOptions().Validate());
        Assert.NotEmpty(new PaymentOptions { CheckoutMinutes = 29 }.Validate());
        Assert.NotEmpty(new PaymentOptions { StripeApiBase = "http://stripe.example" }.Validate());
    }
}
