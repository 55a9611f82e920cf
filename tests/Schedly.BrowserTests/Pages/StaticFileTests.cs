using System.Net;
using Schedly.BrowserTests.Infrastructure;
using Schedly.Functions.Pages;

namespace Schedly.BrowserTests.Pages;

/// <summary>The static routes over plain HTTP: types, cache and security headers, and path traversal.</summary>
[Collection(BrowserAppCollection.Name)]
public sealed class StaticFileTests(BrowserAppFixture app)
{
    [Theory]
    [InlineData("/book/ada-lovelace", "text/html", "no-cache")]
    [InlineData("/book/ada-lovelace/intro", "text/html", "no-cache")]
    [InlineData("/book/team/advisors", "text/html", "no-cache")]
    [InlineData("/book/team/advisors/anyone", "text/html", "no-cache")]
    [InlineData("/manage", "text/html", "no-cache")]
    [InlineData("/dashboard/ada-lovelace", "text/html", "no-cache")]
    [InlineData("/assets/dashboard.js", "text/javascript", "public, max-age=3600")]
    [InlineData("/assets/book.js", "text/javascript", "public, max-age=3600")]
    [InlineData("/assets/styles.css", "text/css", "public, max-age=3600")]
    [InlineData("/embed.js", "text/javascript", "public, max-age=300")]
    public async Task Get_Page_HasTypeCacheAndSecurityHeaders(string path, string mediaType, string cacheControl)
    {
        using var response = await app.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(cacheControl, response.Headers.CacheControl?.ToString());
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
        // Booking pages may be framed by the host's allowed sites (none here: 'self' only); the others never.
        Assert.EndsWith(path.StartsWith("/book/", StringComparison.Ordinal) ? "frame-ancestors 'self'" : "frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe", csp, StringComparison.Ordinal);
        Assert.NotNull(response.Headers.ETag);
        Assert.True((await response.Content.ReadAsByteArrayAsync()).Length > 100);
    }

    [Fact]
    public async Task Get_AssetWithMatchingETag_Is304()
    {
        using var first = await app.Client.GetAsync("/assets/calendar.js");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/assets/calendar.js");
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);

        using var second = await app.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
    }

    [Theory]
    [InlineData("/book/Not%20A%20Slug")]
    [InlineData("/dashboard/Not%20A%20Slug")]
    [InlineData("/book/ada/Bad%2Fslug")]
    [InlineData("/book/team/Not%20A%20Slug")]
    [InlineData("/book/team/advisors/Bad%2Fslug")]
    [InlineData("/assets/")]
    [InlineData("/assets/missing.js")]
    [InlineData("/assets/book.txt")]
    public async Task Get_UnknownPageOrAsset_Is404(string path)
    {
        using var response = await app.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("/assets/../host.json")]
    [InlineData("/assets/../../host.json")]
    [InlineData("/assets/%2e%2e/host.json")]
    [InlineData("/assets/%2E%2E/%2E%2E/host.json")]
    [InlineData("/assets/..%2fhost.json")]
    [InlineData("/assets/..%2F..%2Fhost.json")]
    [InlineData("/assets/..%5chost.json")]
    [InlineData("/assets/..\\host.json")]
    [InlineData("/assets/%252e%252e/host.json")]
    [InlineData("/assets/%2fetc%2fpasswd")]
    [InlineData("/assets//etc/passwd")]
    [InlineData("/assets/.%2e/book.html")]
    [InlineData("/assets/....//host.json")]
    [InlineData("/assets/book.js%00.css")]
    [InlineData("/assets/%c0%ae%c0%ae/host.json")]
    [InlineData("/assets/../wwwroot/book.html")]
    [InlineData("/assets/../Schedly.Functions.dll")]
    [InlineData("/assets/.hidden.js")]
    public async Task Get_TraversalAttempt_Is400Or404AndLeaksNothing(string target)
    {
        var (status, response) = await RawHttp.GetAsync(app.BaseAddress, target);

        Assert.True(status is 400 or 404, $"{target} answered {status}");
        Assert.DoesNotContain("routePrefix", response, StringComparison.Ordinal);
        Assert.DoesNotContain("root:", response, StringComparison.Ordinal);
        Assert.DoesNotContain("<!doctype html>", response, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("../secret.js")]
    [InlineData("a/../../secret.js")]
    [InlineData("/etc/passwd")]
    [InlineData("..")]
    [InlineData(".")]
    [InlineData("a//b.js")]
    [InlineData("a\\..\\secret.js")]
    [InlineData("C:/secret.js")]
    [InlineData("%2e%2e/secret.js")]
    [InlineData(".env.js")]
    [InlineData("book.js\0.css")]
    public void ResolveAsset_UnsafePath_IsRefused(string requested)
    {
        var root = CreateAssetRoot();

        Assert.IsType<AssetLookup.Refused>(ServePage.ResolveAsset(root, requested));
    }

    [Theory]
    [InlineData("book.js", "text/javascript; charset=utf-8")]
    [InlineData("css/site.css", "text/css; charset=utf-8")]
    public void ResolveAsset_PlainPathToKnownFile_IsFoundUnderTheRoot(string requested, string contentType)
    {
        var root = CreateAssetRoot();

        var found = Assert.IsType<AssetLookup.Found>(ServePage.ResolveAsset(root, requested));

        Assert.Equal(contentType, found.ContentType);
        Assert.StartsWith(Path.GetFullPath(root) + Path.DirectorySeparatorChar, found.FullPath, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("missing.js")]
    [InlineData("notes.txt")]
    [InlineData("css")]
    public void ResolveAsset_NothingServable_IsMissing(string? requested)
    {
        var root = CreateAssetRoot();

        Assert.IsType<AssetLookup.Missing>(ServePage.ResolveAsset(root, requested));
    }

    private static string CreateAssetRoot()
    {
        var root = Path.Combine(Path.GetTempPath(), "schedly-assets-" + Guid.NewGuid().ToString("N"), "assets");
        Directory.CreateDirectory(Path.Combine(root, "css"));
        File.WriteAllText(Path.Combine(root, "book.js"), "export {};");
        File.WriteAllText(Path.Combine(root, "notes.txt"), "not served");
        File.WriteAllText(Path.Combine(root, "css", "site.css"), "body {}");
        File.WriteAllText(Path.Combine(root, "..", "secret.js"), "secret");
        return root;
    }
}
