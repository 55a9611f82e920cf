using System.Text.RegularExpressions;

namespace Schedly.Core.Validation;

/// <summary>BCP 47 language tags by shape (<c>en</c>, <c>fr-CA</c>, <c>zh-Hant-TW</c>): a 2–3 letter language and up to five subtags, at most 35 characters.</summary>
public static partial class LocaleRules
{
    public const string Default = "en";

    /// <summary>The tag (default <see cref="Default"/> when absent), or null with an error on <paramref name="field"/>.</summary>
    public static string? Optional(string? value, string field, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (value is null)
        {
            return Default;
        }

        if (value.Length > 35 || !Shape().IsMatch(value))
        {
            errors.Add(field, "A BCP 47 language tag such as \"en\" or \"fr-CA\".");
            return null;
        }

        return value;
    }

    [GeneratedRegex("^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,5}$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
