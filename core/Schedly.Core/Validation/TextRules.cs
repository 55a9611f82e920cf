namespace Schedly.Core.Validation;

/// <summary>Shared checks for free text that people type (names, titles, notes).</summary>
public static class TextRules
{
    /// <summary>
    /// True when <paramref name="text"/> contains a control character other than the
    /// line breaks and tabs allowed in multi-line text.
    /// </summary>
    public static bool HasForbiddenControlCharacters(string text, bool multiLine)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var c in text)
        {
            if (multiLine && c is '\n' or '\r' or '\t')
            {
                continue;
            }

            if (char.IsControl(c) || c is '\u2028' or '\u2029')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Checks a person's name: a required line (see <see cref="RequiredLine"/>) without markup
    /// characters (<c>&lt;</c>, <c>&gt;</c>). Names end up in emails, calendars and pages; output is
    /// always encoded, and refusing markup at the door keeps stored data plain.
    /// </summary>
    public static string? RequiredName(string? value, string field, int maxLength, ValidationErrors errors)
    {
        var name = RequiredLine(value, field, maxLength, errors);
        if (name is not null && name.AsSpan().IndexOfAny('<', '>') >= 0)
        {
            errors.Add(field, "Must not contain '<' or '>'.");
            return null;
        }

        return name;
    }

    /// <summary>
    /// Checks a required single-line text field: present, trimmed length within
    /// [1, <paramref name="maxLength"/>], no control characters. Returns the trimmed text.
    /// </summary>
    public static string? RequiredLine(string? value, string field, int maxLength, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            errors.Add(field, "Required.");
            return null;
        }

        if (trimmed.Length > maxLength)
        {
            errors.Add(field, $"At most {maxLength} characters.");
            return null;
        }

        if (HasForbiddenControlCharacters(trimmed, multiLine: false))
        {
            errors.Add(field, "Must not contain control characters.");
            return null;
        }

        return trimmed;
    }
}
