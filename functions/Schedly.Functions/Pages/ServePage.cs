using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Schedly.Functions.Http;

namespace Schedly.Functions.Pages;

/// <summary>
/// The static pages, served by the app itself from the same origin as the API:
/// <c>/</c> (a small landing page, so the Functions host never shows its placeholder), <c>/book/{host}</c>, <c>/book/{host}/{eventType}</c>, <c>/manage</c>, <c>/dashboard</c>, <c>/dashboard/{host}</c>, <c>/operator</c> and <c>/assets/{*path}</c>.
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
public sealed class ServePage
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
    public IActionResult BookingHostPage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "book/{host}")] HttpRequest request,
        string host,
        CancellationToken cancellationToken) =>
        HostRoute.Parse(host) is null ? Problem.NotFound("No such host.") : Page("book.html");

    [Function(nameof(BookingEventTypePage))]
    public IActionResult BookingEventTypePage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "book/{host}/{eventType}")] HttpRequest request,
        string host,
        string eventType,
        CancellationToken cancellationToken) =>
        HostRoute.Parse(host) is null || !HostRoute.IsSlug(eventType)
            ? Problem.NotFound("No such host or event type.")
            : Page("book.html");

    [Function(nameof(ManagePage))]
    public IActionResult ManagePage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "manage")] HttpRequest request,
        CancellationToken cancellationToken) =>
        Page("manage.html");

    [Function(nameof(DashboardPage))]
    public IActionResult DashboardPage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "dashboard/{host}")] HttpRequest request,
        string host,
        CancellationToken cancellationToken) =>
        HostRoute.Parse(host) is null ? Problem.NotFound("No such host.") : Page("dashboard.html");

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
