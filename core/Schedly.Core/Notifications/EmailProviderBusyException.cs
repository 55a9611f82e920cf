namespace Schedly.Core.Notifications;

/// <summary>
/// The email provider refused for now: it answered 429 (throttled), 408 or 5xx, or did not answer in time, after the
/// adapter's own short retries. Nothing is wrong with the email: it should be sent again after
/// <see cref="RetryAfter"/> (the provider's <c>Retry-After</c>, when it gave one), without using up the queue's dequeue
/// attempts (see <see cref="EmailDeferral"/>). Carries no personal data.
/// </summary>
public sealed class EmailProviderBusyException : Exception
{
    public EmailProviderBusyException(string message, TimeSpan? retryAfter, Exception? innerException = null)
        : base(message, innerException) => RetryAfter = retryAfter;

    public EmailProviderBusyException()
        : this("The email provider is busy.", (TimeSpan?)null)
    {
    }

    public EmailProviderBusyException(string message)
        : this(message, (TimeSpan?)null)
    {
    }

    public EmailProviderBusyException(string message, Exception innerException)
        : this(message, null, innerException)
    {
    }

    /// <summary>How long the provider asked to wait, or null when it did not say.</summary>
    public TimeSpan? RetryAfter { get; }
}
