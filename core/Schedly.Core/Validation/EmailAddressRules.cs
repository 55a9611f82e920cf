using System.Net.Mail;

namespace Schedly.Core.Validation;

/// <summary>
/// What Schedly accepts as an email address: a bare <c>local@domain</c> address (no display name,
/// no comments), at most 254 characters, with a dotted domain of letters, digits and hyphens.
/// </summary>
public static class EmailAddressRules
{
    public const int MaxLength = 254;

    public static string? Required(string? value, string field, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            errors.Add(field, "Required.");
            return null;
        }

        if (!IsValid(trimmed))
        {
            errors.Add(field, "Must be an email address such as name@example.com.");
            return null;
        }

        return trimmed;
    }

    public static bool IsValid(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.Length > MaxLength || TextRules.HasForbiddenControlCharacters(address, multiLine: false)
            || address.Any(char.IsWhiteSpace) || address.Contains('<', StringComparison.Ordinal)
            || address.Contains('>', StringComparison.Ordinal))
        {
            return false;
        }

        if (!MailAddress.TryCreate(address, out var parsed) || parsed.Address != address
            || !string.IsNullOrEmpty(parsed.DisplayName))
        {
            return false;
        }

        var at = address.LastIndexOf('@');
        var local = address[..at];
        var domain = address[(at + 1)..];
        return local.Length is > 0 and <= 64 && IsDomain(domain);
    }

    private static bool IsDomain(string domain)
    {
        var labels = domain.Split('.');
        return labels.Length >= 2 && labels.All(label =>
            label.Length is > 0 and <= 63
            && label.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')
            && label[0] != '-' && label[^1] != '-')
            && !labels[^1].All(char.IsAsciiDigit);
    }
}
