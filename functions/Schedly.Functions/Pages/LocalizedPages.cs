using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Schedly.Core.Hosts;
using Schedly.Core.Localization;
using Schedly.Core.Teams;
using Schedly.Functions.Hosts;
using Schedly.Functions.Http;
using Schedly.Functions.Teams;

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
        var type = host?.EventTypes.FirstOrDefault(e => e.Slug == eventTypeSlug)?.Type;
        // The host's card as the script would draw it, so it does not appear (and push the calendar down) later.
        var image = host is null ? "" : Hosts.Photos.PhotoAddress.ImageUrlOf(host) is { } url && IsShownImage(url) ? url : "";
        var subject = host is null
            ? null
            : new BookingSubject(host.Profile.Name, image, host.Profile.Bio, _ => "", JsonSerializer.Serialize(PublicHostResponse.From(host, proofOfWork), ScriptSafeJson));
        return RenderBooking(template, locale, subject, eventTypeSlug, type, embedOrigin);
    }

    /// <summary>
    /// <c>book.html</c> for <c>/book/team/{team}</c> or <c>/book/team/{team}/{eventType}</c>: the team's name where a host's
    /// would be, and whom the client meets (one of the members, or all of them) where a host's bio would be.
    /// </summary>
    public static string TeamBooking(string template, string locale, PublicTeamProfile? team, string? eventTypeSlug, bool proofOfWork)
    {
        var type = team?.Team.EventTypes.GetValueOrDefault(eventTypeSlug ?? "") is { EventType.Active: true } found ? found : null;
        var names = team is null ? "" : string.Join(", ", team.Members.Select(m => m.Name));
        var subject = team is null
            ? null
            : new BookingSubject(
                team.Team.Name,
                "",
                "",
                catalog => names.Length == 0 ? "" : catalog.Text(MembersKey(eventTypeSlug is null ? null : type?.Assignment), new Dictionary<string, string>(StringComparer.Ordinal) { ["members"] = names }),
                JsonSerializer.Serialize(PublicTeamResponse.From(team, proofOfWork), ScriptSafeJson));
        return RenderBooking(template, locale, subject, eventTypeSlug, type?.EventType, null);
    }

    private static string MembersKey(TeamAssignment? assignment) => assignment switch
    {
        TeamAssignment.Collective => "page.book.teamAllOf",
        TeamAssignment.RoundRobin => "page.book.teamOneOf",
        _ => "page.book.teamMembers",
    };

    /// <summary>
    /// Whom a booking page is about: a host or a team, as first drawn (name, image, bio, the members line) and as the
    /// script reads it (<c>#host-data</c>).
    /// </summary>
    private sealed record BookingSubject(string Name, string Image, string Bio, Func<MessageCatalog, string> Members, string Json);

    private static string RenderBooking(
        string template, string locale, BookingSubject? subject, string? eventTypeSlug, Core.Scheduling.EventType? type, string? embedOrigin)
    {
        var catalog = MessageCatalogs.For(locale);
        var values = Common(catalog, embedOrigin);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        if (subject is not null)
        {
            names["host"] = subject.Name;
            names["title"] = type?.Title ?? "";
        }

        (values["documentTitle"], values["heading"], values["subtitle"]) = (subject, type) switch
        {
            (null, _) => (catalog.Text("page.book.documentTitle"), catalog.Text("page.book.heading"), ""),
            (_, null) when eventTypeSlug is null =>
                (catalog.Text("page.book.hostDocumentTitle", names), catalog.Text("page.book.hostHeading", names), ""),
            (_, null) => (catalog.Text("page.book.hostDocumentTitle", names), catalog.Text("page.book.heading"), catalog.Text("page.book.withHost", names)),
            _ => (catalog.Text("page.book.typeDocumentTitle", names), type.Title, catalog.Text("page.book.withHost", names)),
        };
        var image = subject?.Image ?? "";
        var bio = subject?.Bio ?? "";
        var members = subject?.Members(catalog) ?? "";
        var description = type?.Description ?? "";
        values["imageUrl"] = image;
        values["imageAlt"] = image.Length > 0 ? subject!.Name : "";
        values["bio"] = bio;
        values["members"] = members;
        values["description"] = description;
        values["imageHidden"] = Hidden(image.Length == 0);
        values["bioHidden"] = Hidden(bio.Length == 0);
        values["membersHidden"] = Hidden(members.Length == 0);
        values["descriptionHidden"] = Hidden(description.Length == 0);
        values["profileHidden"] = Hidden(image.Length == 0 && bio.Length == 0 && members.Length == 0 && description.Length == 0);
        var json = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["messages"] = catalog.ToJson("page."),
            ["host"] = subject?.Json ?? "null",
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
