namespace Schedly.Email;

/// <summary>
/// An email could not be handed over (after the adapter's own retries). Thrown so that the queue message is retried
/// later and, after the host's dequeue limit, lands in the poison queue. Carries no personal data.
/// </summary>
public sealed class EmailSendException : Exception
{
    public EmailSendException(string message)
        : base(message)
    {
    }

    public EmailSendException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public EmailSendException(string message, int status)
        : base(message) => Status = status;

    /// <summary>The HTTP status of the last attempt, when there was one.</summary>
    public int? Status { get; }
}
