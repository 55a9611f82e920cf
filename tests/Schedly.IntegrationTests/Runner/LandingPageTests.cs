using System.Net;
using Schedly.IntegrationTests.Infrastructure;

namespace Schedly.IntegrationTests.Runner;

/// <summary><c>/</c> is Schedly's own small page, not the Functions host's placeholder.</summary>
[Collection(SchedlyAppCollection.Name)]
public sealed class LandingPageTests(SchedlyAppFixture app)
{
    [Fact]
    public async Task Root_ServesTheLandingPage()
    {
        using var response = await app.Client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<title>Schedly</title>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/api/openapi.json\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Root_Head_IsOk_AndOtherPathsAreNotTheLandingPage()
    {
        using var head = await app.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/"));
        using var other = await app.Client.GetAsync("/no-such-page");

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
    }
}
