using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Schedly.Core.Hosts;
using Schedly.Core.Localization;
using Schedly.Core.Validation;
using Schedly.Functions.Http;

namespace Schedly.Functions.Pages;

/// <summary>
/// The static pages, served by the app itself from the same origin as the API:
/// <c>/</c> (a small landing page, so the Functions host never shows its placeholder), <c>/book/{host}</c>, <c>/book/{host}/{eventType}</c>, <c>/book/team/{team}</c>, <c>/book/team/{team}/{eventType}</c>, <c>/manage</c>, <c>/approve</c>, <c>/dashboard</c>, <c>/dashboard/{host}</c>, <c>/operator</c>, <c>/embed.js</c> and <c>/assets/{*path}</c>.
/// The booking, manage and approval pages are rendered per request in the visitor's language (<see cref="LocalizedPages"/>).
/// Files come only from the <c>wwwroot</c> folder next to the app's binaries
/// (<see cref="AppContext.BaseDirectory"/>), so the Functions host and the local runner find them alike.
/// </summary>
/// <remarks>
/// HTML is <c>no-cache</c> (always revalidated, so a deploy shows at once); assets are
/// <c>public, max-age=3600</c> with an <c>ETag</c>. An asset path is accepted only when every
/// segment is a plain name (letters, digits, <c>.</c>, <c>_</c>, <c>-</c>; not starting with a dot),
/// so <c>..</c>, encoded separators, backslashes, absolute and hidden paths are refused with 400
/// before the file system is touched; the resolved path must then still lie under
/// <c>wwwroot/assets</c> and be a regular file of a known type, else 404.
/// </remarks>
public sealed class ServePage(GetHostProfile hostProfiles, Core.Teams.GetTeamProfile teamProfiles, Core.Abuse.ProofOfWork proofOfWork)
{
    public const string HtmlCacheControl = "no-cache";
    public const string AssetCacheControl = "public, max-age=3600";

    private const int MaxAssetPathLength = 200;

    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".svg"] = "image/svg+xml",
        [".png"] = "image/png",
        [".ico"] = "image/x-icon",
        [".woff2"] = "font/woff2",
    };

    /// <summary>The folder the pages are served from: <c>wwwroot</c> beside the app's binaries.</summary>
    public static string WebRoot { get; } = System.IO.Path.Combine(AppContext.BaseDirectory, "wwwroot");

    /// <summary>
    /// The root route. <c>Route = ""</c> would mean "the function's name" to the Functions host, so the route is a
    /// parameter that only the empty path matches; both hosts route it alike.
    /// </summary>
    public const string RootRoute = "{root:maxlength(0)?}";

    [Function(nameof(LandingPage))]
    public IActionResult LandingPage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = RootRoute)] HttpRequest request,
        CancellationToken cancellationToken) =>
        Page("index.html");

    [Function(nameof(BookingHostPage))]
    public Task<IActionResult> BookingHostPage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "book/{host}")] HttpRequest request,
        string host,
        CancellationToken cancellationToken) =>
        HostRoute.Parse(host) is { } slug
            ? BookingPageAsync(request, slug, null, cancellationToken)
            : Task.FromResult<IActionResult>(Problem.NotFound("No such host."));

    [Function(nameof(BookingEventTypePage))]
    public Task<IActionResult> BookingEventTypePage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "book/{host}/{eventType}")] HttpRequest request,
        string host,
        string eventType,
        CancellationToken cancellationToken) =>
        HostRoute.Parse(host) is { } slug && HostRoute.IsSlug(eventType)
            ? BookingPageAsync(request, slug, eventType, cancellationToken)
            : Task.FromResult<IActionResult>(Problem.NotFound("No such host or event type."));

    /// <summary><c>/book/team/{team}</c>: the team's event types (a host cannot be named <c>team</c>, so this never hides one).</summary>
    [Function(nameof(TeamBookingPage))]
    public Task<IActionResult> TeamBookingPage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "book/team/{team}")] HttpRequest request,
        string team,
        CancellationToken cancellationToken) =>
        Core.Teams.TeamSlug.TryParse(team, out var slug)
            ? TeamBookingPageAsync(request, slug, null, cancellationToken)
            : Task.FromResult<IActionResult>(Problem.NotFound("No such team."));

    /// <summary><c>/book/team/{team}/{eventType}</c>: the booking page of a team's event type.</summary>
    [Function(nameof(TeamBookingEventTypePage))]
    public Task<IActionResult> TeamBookingEventTypePage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "book/team/{team}/{eventType}")] HttpRequest request,
        string team,
        string eventType,
        CancellationToken cancellationToken) =>
        Core.Teams.TeamSlug.TryParse(team, out var slug) && HostRoute.IsSlug(eventType)
            ? TeamBookingPageAsync(request, slug, eventType, cancellationToken)
            : Task.FromResult<IActionResult>(Problem.NotFound("No such team or event type."));

    [Function(nameof(ManagePage))]
    public async Task<IActionResult> ManagePage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "manage")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var template = await ReadPageAsync("manage.html", cancellationToken).ConfigureAwait(false);
        if (template is null)
        {
            return Problem.NotFound("The page is not deployed.");
        }

        // Framed by /embed.js after a booking: ?host= names whose embed allow-list applies (the token stays in the fragment).
        var host = HostRoute.Parse(request.Query["host"].ToString()) is { } slug
            ? await hostProfiles.ExecuteAsync(slug, cancellationToken).ConfigureAwait(false)
            : null;
        var origins = host?.Profile.EmbedOrigins;
        return new PageBody(
            LocalizedPages.TokenPage(template, ChooseLocale(request, host?.Profile.Locale), EmbeddingOrigin(request, origins)),
            HtmlCacheControl,
            origins);
    }

    /// <summary>
    /// <c>/approve#id=…&amp;token=…</c>: where the host approves or declines a request from the link in the email, in the
    /// language the link names (the host's). Never framed: it acts for the host.
    /// </summary>
    [Function(nameof(ApprovalPage))]
    public async Task<IActionResult> ApprovalPage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "approve")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var template = await ReadPageAsync("approve.html", cancellationToken).ConfigureAwait(false);
        return template is null
            ? Problem.NotFound("The page is not deployed.")
            : new PageBody(LocalizedPages.TokenPage(template, ChooseLocale(request, null)), HtmlCacheControl, null);
    }

    [Function(nameof(DashboardPage))]
    public IActionResult DashboardPage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "dashboard/{host}")] HttpRequest request,
        string host,
        CancellationToken cancellationToken) =>
        HostRoute.Parse(host) is null ? Problem.NotFound("No such host.") : Page("dashboard.html");

    /// <summary>How long browsers keep <c>/embed.js</c>: short, because hosts paste its address and never change it.</summary>
    public const string EmbedScriptCacheControl = "public, max-age=300";

    /// <summary><c>GET /embed.js</c>: the script a host puts on its own site to embed the booking pages (docs/PAGES.md, "Embedding").</summary>
    [Function(nameof(EmbedScript))]
    public IActionResult EmbedScript(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "embed.js")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var full = System.IO.Path.Combine(WebRoot, "embed.js");
        return File.Exists(full)
            ? new FileBody(full, ContentTypes[".js"], EmbedScriptCacheControl)
            : Problem.NotFound("The embed script is not deployed.");
    }

    /// <summary><c>/dashboard</c>: the dashboard without a host, where a host asks for a sign-in link and redeems it.</summary>
    [Function(nameof(DashboardSignInPage))]
    public IActionResult DashboardSignInPage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "dashboard")] HttpRequest request,
        CancellationToken cancellationToken) =>
        Page("dashboard.html");

    /// <summary><c>/operator</c>: the operator's page (invite, list and suspend hosts), signed in with the operator key.</summary>
    [Function(nameof(OperatorPage))]
    public IActionResult OperatorPage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "operator")] HttpRequest request,
        CancellationToken cancellationToken) =>
        Page("operator.html");

    [Function(nameof(PageAsset))]
    public IActionResult PageAsset(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "assets/{*path}")] HttpRequest request,
        string? path,
        CancellationToken cancellationToken)
    {
        var assets = System.IO.Path.Combine(WebRoot, "assets");
        return ResolveAsset(assets, path) switch
        {
            AssetLookup.Found found => new FileBody(found.FullPath, found.ContentType, AssetCacheControl),
            AssetLookup.Refused => Problem.Validation("path", "The asset path is not valid."),
            _ => Problem.NotFound("No such asset."),
        };
    }

    /// <summary>Maps a requested asset path to a file under <paramref name="root"/>, or says why not.</summary>
    public static AssetLookup ResolveAsset(string root, string? requested)
    {
        ArgumentNullException.ThrowIfNull(root);
        if (string.IsNullOrEmpty(requested))
        {
            return AssetLookup.Missing.Instance;
        }

        if (requested.Length > MaxAssetPathLength || !requested.Split('/').All(IsPlainSegment))
        {
            return AssetLookup.Refused.Instance;
        }

        var rootFull = System.IO.Path.GetFullPath(root);
        var full = System.IO.Path.GetFullPath(System.IO.Path.Combine(rootFull, requested));
        if (!full.StartsWith(rootFull + System.IO.Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            return AssetLookup.Refused.Instance;
        }

        if (!ContentTypes.TryGetValue(System.IO.Path.GetExtension(full), out var contentType))
        {
            return AssetLookup.Missing.Instance;
        }

        var file = new FileInfo(full);
        return file.Exists && file.LinkTarget is null && !file.Attributes.HasFlag(FileAttributes.Directory)
            ? new AssetLookup.Found(full, contentType)
            : AssetLookup.Missing.Instance;
    }

    /// <summary><c>?lang=</c>, then <c>Accept-Language</c> by q-value, then the host's default, then English.</summary>
    public static string ChooseLocale(HttpRequest request, string? hostDefault)
    {
        ArgumentNullException.ThrowIfNull(request);
        return LocaleChoice.Choose(request.Query["lang"].ToString(), request.Headers.AcceptLanguage.ToString(), hostDefault);
    }

    private async Task<IActionResult> BookingPageAsync(HttpRequest request, HostSlug slug, string? eventType, CancellationToken cancellationToken)
    {
        var template = await ReadPageAsync("book.html", cancellationToken).ConfigureAwait(false);
        if (template is null)
        {
            return Problem.NotFound("The page is not deployed.");
        }

        // An unknown or suspended host still gets the page, without the profile: its script asks the API and says so
        // (not found, or closed) in the visitor's language.
        var host = await hostProfiles.ExecuteAsync(slug, cancellationToken).ConfigureAwait(false) is { Suspended: false } open ? open : null;
        var origins = host?.Profile.EmbedOrigins ?? [];
        var html = LocalizedPages.Booking(
            template, ChooseLocale(request, host?.Profile.Locale), host, eventType, proofOfWork.Enabled, EmbeddingOrigin(request, origins));
        return new PageBody(html, HtmlCacheControl, origins);
    }

    private async Task<IActionResult> TeamBookingPageAsync(HttpRequest request, Core.Teams.TeamSlug slug, string? eventType, CancellationToken cancellationToken)
    {
        var template = await ReadPageAsync("book.html", cancellationToken).ConfigureAwait(false);
        if (template is null)
        {
            return Problem.NotFound("The page is not deployed.");
        }

        // An unknown team still gets the page, which says so in the visitor's language. A team has no embed allow-list:
        // its page may be framed by this site only (as a host's page with none), and names no embedding origin.
        var team = await teamProfiles.ExecuteAsync(slug, cancellationToken).ConfigureAwait(false);
        var html = LocalizedPages.TeamBooking(template, ChooseLocale(request, null), team, eventType, proofOfWork.Enabled);
        return new PageBody(html, HtmlCacheControl, []);
    }

    /// <summary>The <c>?embedOrigin=</c> /embed.js passes, when it is on the host's allow-list; else null (no events are sent).</summary>
    private static string? EmbeddingOrigin(HttpRequest request, IReadOnlyList<string>? allowed) =>
        EmbedOriginRules.Normalize(request.Query["embedOrigin"].ToString()) is { } origin && allowed?.Contains(origin, StringComparer.Ordinal) == true
            ? origin
            : null;

    private static async Task<string?> ReadPageAsync(string name, CancellationToken cancellationToken)
    {
        var full = System.IO.Path.Combine(WebRoot, name);
        return File.Exists(full) ? await File.ReadAllTextAsync(full, cancellationToken).ConfigureAwait(false) : null;
    }

    private static bool IsPlainSegment(string segment) =>
        segment.Length > 0
        && segment[0] != '.'
        && segment.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-');

    private static IActionResult Page(string name)
    {
        var full = System.IO.Path.Combine(WebRoot, name);
        return File.Exists(full)
            ? new FileBody(full, ContentTypes[".html"], HtmlCacheControl)
            : Problem.NotFound("The page is not deployed.");
    }
}

/// <summary>The outcome of resolving an asset path.</summary>
public abstract record AssetLookup
{
    private AssetLookup()
    {
    }

    public sealed record Found(string FullPath, string ContentType) : AssetLookup;

    /// <summary>The path is malformed or tries to leave the asset folder (400).</summary>
    public sealed record Refused : AssetLookup
    {
        public static readonly Refused Instance = new();
    }

    /// <summary>A well-formed path to nothing servable (404).</summary>
    public sealed record Missing : AssetLookup
    {
        public static readonly Missing Instance = new();
    }
}
