using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Schedly.Core.Hosts;
using Schedly.Core.Localization;
using Schedly.Functions.Hosts;
using Schedly.Functions.Http;

namespace Schedly.Functions.Pages;

/// <summary>
/// The booking, manage and approval pages as first sent: in the chosen language (<c>lang</c>, <c>dir</c>, every word from the
/// catalog, the catalog's <c>page.*</c> part as JSON for the scripts), and on a booking page the host's name, the event
/// type's title and the public profile itself (<c>#host-data</c>), so the first paint already shows what the page is
/// about and the script does not fetch it again.
/// </summary>
public static class LocalizedPages
{
    private static readonly JsonSerializerOptions ScriptSafeJson = new(ApiJson.Options)
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    /// <summary>
    /// <c>book.html</c> for <c>/book/{host}</c> (<paramref name="eventTypeSlug"/> null) or <c>/book/{host}/{eventType}</c>;
    /// <paramref name="embedOrigin"/> is the embedding site when the page is framed by one the host allows (its events
    /// go there), else null.
    /// </summary>
    public static string Booking(string template, string locale, PublicHostProfile? host, string? eventTypeSlug, bool proofOfWork, string? embedOrigin = null)
    {
        var catalog = MessageCatalogs.For(locale);
        var values = Common(catalog, embedOrigin);
        var type = host?.EventTypes.FirstOrDefault(e => e.Slug == eventTypeSlug);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        if (host is not null)
        {
            names["host"] = host.Profile.Name;
            names["title"] = type?.Type.Title ?? "";
        }

        (values["documentTitle"], values["heading"], values["subtitle"]) = (host, type) switch
        {
            (null, _) => (catalog.Text("page.book.documentTitle"), catalog.Text("page.book.heading"), ""),
            (_, null) when eventTypeSlug is null =>
                (catalog.Text("page.book.hostDocumentTitle", names), catalog.Text("page.book.hostHeading", names), ""),
            (_, null) => (catalog.Text("page.book.hostDocumentTitle", names), catalog.Text("page.book.heading"), catalog.Text("page.book.withHost", names)),
            _ => (catalog.Text("page.book.typeDocumentTitle", names), type.Type.Title, catalog.Text("page.book.withHost", names)),
        };
        // The host's card as the script would draw it, so it does not appear (and push the calendar down) later.
        var image = host is null ? "" : Hosts.Photos.PhotoAddress.ImageUrlOf(host) is { } url && IsShownImage(url) ? url : "";
        var bio = host?.Profile.Bio ?? "";
        var description = type?.Type.Description ?? "";
        values["imageUrl"] = image;
        values["imageAlt"] = image.Length > 0 ? host!.Profile.Name : "";
        values["bio"] = bio;
        values["description"] = description;
        values["imageHidden"] = Hidden(image.Length == 0);
        values["bioHidden"] = Hidden(bio.Length == 0);
        values["descriptionHidden"] = Hidden(description.Length == 0);
        values["profileHidden"] = Hidden(image.Length == 0 && bio.Length == 0 && description.Length == 0);
        var json = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["messages"] = catalog.ToJson("page."),
            ["host"] = host is null ? "null" : JsonSerializer.Serialize(PublicHostResponse.From(host, proofOfWork), ScriptSafeJson),
        };
        return PageTemplate.Render(template, catalog, values, json);
    }

    /// <summary>
    /// <c>manage.html</c> and <c>approve.html</c>: the booking is read by the script (its token is in the fragment), so only
    /// the language is the server's.
    /// </summary>
    public static string TokenPage(string template, string locale, string? embedOrigin = null)
    {
        var catalog = MessageCatalogs.For(locale);
        var json = new Dictionary<string, string>(StringComparer.Ordinal) { ["messages"] = catalog.ToJson("page.") };
        return PageTemplate.Render(template, catalog, Common(catalog, embedOrigin), json);
    }

    /// <summary>The <c>hidden</c> attribute, or nothing.</summary>
    private static string Hidden(bool hidden) => hidden ? "hidden" : "";

    /// <summary>An image the page shows: an https URL, or a path on this site (an uploaded photo).</summary>
    private static bool IsShownImage(string url) =>
        url.StartsWith("https://", StringComparison.Ordinal) || (url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal));

    private static Dictionary<string, string> Common(MessageCatalog catalog, string? embedOrigin) => new(StringComparer.Ordinal)
    {
        ["lang"] = catalog.Locale,
        ["dir"] = SupportedLocales.Direction(catalog.Locale),
        ["embedOrigin"] = embedOrigin ?? "",
    };
}
