using Schedly.Core.Validation;

namespace Schedly.Core.Notifications;

/// <summary>
/// One email, ready to send. <see cref="MessageId"/> is deterministic for what the message announces (for a booking:
/// its id, the notice kind, the recipient and the sequence), so a redelivered queue message produces the same id and
/// senders can drop the duplicate.
/// </summary>
public sealed record EmailMessage
{
    public const int MaxMessageIdLength = 200;

    private readonly string _messageId = null!;

    /// <summary>Printable ASCII without spaces, at most 200 characters; adapters derive file names and headers from it.</summary>
    public required string MessageId
    {
        get => _messageId;
        init => _messageId = IsValidMessageId(value)
            ? value
            : throw new ArgumentException("Printable ASCII without spaces, 1 to 200 characters.", nameof(MessageId));
    }

    public required EmailAddress From { get; init; }

    public required EmailAddress To { get; init; }

    public required string Subject
    {
        get;
        init => field = value is not null && !TextRules.HasForbiddenControlCharacters(value, multiLine: false)
            ? value
            : throw new ArgumentException("A single line of text.", nameof(Subject));
    }

    public required string HtmlBody { get; init; }

    public required string TextBody { get; init; }

    /// <summary>Null: no invite.</summary>
    public CalendarAttachment? Calendar { get; init; }

    public static bool IsValidMessageId(string? value) =>
        !string.IsNullOrEmpty(value) && value.Length <= MaxMessageIdLength
        && value.All(c => c is > ' ' and < '\u007f' and not '<' and not '>');
}
