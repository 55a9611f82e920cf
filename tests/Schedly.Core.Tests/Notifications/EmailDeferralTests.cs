using Schedly.Core.Notifications;

namespace Schedly.Core.Tests.Notifications;

public sealed class EmailDeferralTests
{
    [Fact]
    public void Decide_ProviderSaidRetryAfter_WaitsThatLong()
    {
        var defer = Assert.IsType<EmailDeferral.Decision.Defer>(EmailDeferral.Decide(0, TimeSpan.FromSeconds(120)));

        Assert.Equal(TimeSpan.FromSeconds(120), defer.Delay);
    }

    [Fact]
    public void Decide_NoRetryAfter_DoublesFromTheBaseUpToTheMaximum()
    {
        Assert.Equal(EmailDeferral.BaseDelay, Assert.IsType<EmailDeferral.Decision.Defer>(EmailDeferral.Decide(0, null)).Delay);
        Assert.Equal(EmailDeferral.BaseDelay * 4, Assert.IsType<EmailDeferral.Decision.Defer>(EmailDeferral.Decide(2, null)).Delay);
        Assert.Equal(EmailDeferral.MaxDelay, Assert.IsType<EmailDeferral.Decision.Defer>(EmailDeferral.Decide(12, null)).Delay);
    }

    [Fact]
    public void Decide_RetryAfterOutOfBounds_IsClamped()
    {
        Assert.Equal(TimeSpan.FromSeconds(1), Assert.IsType<EmailDeferral.Decision.Defer>(EmailDeferral.Decide(0, TimeSpan.Zero)).Delay);
        Assert.Equal(EmailDeferral.MaxDelay, Assert.IsType<EmailDeferral.Decision.Defer>(EmailDeferral.Decide(0, TimeSpan.FromDays(3))).Delay);
    }

    [Fact]
    public void Decide_AfterTheLastDeferral_GivesUpWithAReason()
    {
        var giveUp = Assert.IsType<EmailDeferral.Decision.GiveUp>(EmailDeferral.Decide(EmailDeferral.MaxDeferrals, TimeSpan.FromSeconds(5)));

        Assert.Contains($"{EmailDeferral.MaxDeferrals} deferrals", giveUp.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void EmailEffect_Deferrals_RoundTripAndDefaultToZero()
    {
        var effect = EmailEffect.TryParse("""{"effectId":"e.client","eventId":"e","type":"booking.created","recipient":"client","occurredAt":"2026-12-01T12:00:00Z","host":"ada","bookingId":"ada--b","eventType":"intro","sequence":0,"start":"2026-12-02T12:00:00Z","end":"2026-12-02T12:30:00Z","previousStart":null,"previousEnd":null,"reminderOffsetMinutes":null}""");

        Assert.NotNull(effect);
        Assert.Equal(0, effect.Deferrals);
        Assert.DoesNotContain("deferrals", effect.ToJson(), StringComparison.Ordinal);
        Assert.Equal(3, EmailEffect.TryParse((effect with { Deferrals = 3 }).ToJson())!.Deferrals);
    }
}
