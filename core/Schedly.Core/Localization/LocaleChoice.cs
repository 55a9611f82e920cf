namespace Schedly.Core.Localization;

/// <summary>
/// Which supported locale a page speaks: the <c>?lang=</c> the link asked for, else the first of the browser's
/// <c>Accept-Language</c> ranges (by q-value) that we speak, else the host's default, else English.
/// </summary>
public static class LocaleChoice
{
    public static string Choose(string? requested, string? acceptLanguage, string? hostDefault) =>
        SupportedLocales.Match(requested)
        ?? AcceptLanguage.Parse(acceptLanguage).Select(SupportedLocales.Match).FirstOrDefault(l => l is not null)
        ?? SupportedLocales.Match(hostDefault)
        ?? SupportedLocales.Default;
}
