namespace Schedly.Core.Notifications;

/// <summary>
/// What to do with an email whose provider is busy (<see cref="EmailProviderBusyException"/>): send it again later, as
/// a new queue message hidden for <see cref="Decision.Defer.Delay"/> (the provider's <c>Retry-After</c>, else doubling
/// from <see cref="BaseDelay"/>, within 1 second and <see cref="MaxDelay"/>), until it has been deferred
/// <see cref="MaxDeferrals"/> times; then give up (poison, logged once). About 13 hours of a provider refusing
/// everything before an email is given up.
/// </summary>
public static class EmailDeferral
{
    public const int MaxDeferrals = 20;

    public static readonly TimeSpan BaseDelay = TimeSpan.FromSeconds(30);

    public static readonly TimeSpan MaxDelay = TimeSpan.FromHours(1);

    /// <summary>The decision for an email already deferred <paramref name="deferrals"/> times.</summary>
    public static Decision Decide(int deferrals, TimeSpan? retryAfter)
    {
        if (deferrals >= MaxDeferrals)
        {
            return new Decision.GiveUp($"the provider was still busy after {deferrals} deferrals");
        }

        var backoff = BaseDelay * Math.Pow(2, Math.Min(deferrals, 10));
        var delay = retryAfter ?? backoff;
        return new Decision.Defer(delay < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : delay > MaxDelay ? MaxDelay : delay);
    }

    /// <summary>Defer or give up.</summary>
    public abstract record Decision
    {
        private Decision()
        {
        }

        /// <summary>Send again after <paramref name="Delay"/>.</summary>
        public sealed record Defer(TimeSpan Delay) : Decision;

        /// <summary>Stop: move the email to the poison queue, with <paramref name="Reason"/> logged once.</summary>
        public sealed record GiveUp(string Reason) : Decision;
    }
}
