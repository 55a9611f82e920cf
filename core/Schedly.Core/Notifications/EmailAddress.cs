using Schedly.Core.Validation;

namespace Schedly.Core.Notifications;

/// <summary>A mailbox: a bare address and an optional display name (no line breaks in either).</summary>
public sealed record EmailAddress
{
    public EmailAddress(string address, string? displayName = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(address);
        if (TextRules.HasForbiddenControlCharacters(address, multiLine: false) || address.Any(char.IsWhiteSpace)
            || !address.Contains('@', StringComparison.Ordinal))
        {
            throw new ArgumentException("Must be a bare email address such as name@example.com.", nameof(address));
        }

        if (displayName is not null && TextRules.HasForbiddenControlCharacters(displayName, multiLine: false))
        {
            throw new ArgumentException("Must not contain control characters or line breaks.", nameof(displayName));
        }

        Address = address;
        DisplayName = string.IsNullOrWhiteSpace(displayName) ? null : displayName.Trim();
    }

    public string Address { get; }

    /// <summary>Null when there is none.</summary>
    public string? DisplayName { get; }

    public override string ToString() => DisplayName is null ? Address : $"{DisplayName} <{Address}>";
}
