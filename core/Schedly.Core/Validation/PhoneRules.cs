using PhoneNumbers;

namespace Schedly.Core.Validation;

/// <summary>
/// Phone numbers in E.164 (<c>+</c>, country code, subscriber number), checked with libphonenumber against the
/// numbering plan of the country the code names: spaces, dots, dashes and parentheses are accepted on input and
/// dropped, a number without a leading <c>+</c> or not valid in its plan is refused.
/// </summary>
public static class PhoneRules
{
    /// <summary>The longest phone input accepted, separators included.</summary>
    public const int MaxLength = 40;

    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <summary>The number in E.164 (e.g. <c>+442079460958</c>), or null with an error on <paramref name="field"/>.</summary>
    public static string? Required(string? value, string field, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var number = Parse(value);
        if (number is null)
        {
            errors.Add(field, "A phone number in international E.164 form, such as +442079460958.");
            return null;
        }

        return Util.Format(number, PhoneNumberFormat.E164);
    }

    /// <summary>An E.164 number as people read it, e.g. <c>+44 20 7946 0958</c>; the input unchanged when it does not parse.</summary>
    public static string Display(string e164)
    {
        ArgumentNullException.ThrowIfNull(e164);
        return Parse(e164) is { } number ? Util.Format(number, PhoneNumberFormat.INTERNATIONAL) : e164;
    }

    private static PhoneNumber? Parse(string? value)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > MaxLength || text[0] != '+' || TextRules.HasForbiddenControlCharacters(text, multiLine: false))
        {
            return null;
        }

        try
        {
            var number = Util.Parse(text, null);
            return Util.IsValidNumber(number) ? number : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }
}
