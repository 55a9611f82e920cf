using System.Net;
using System.Net.Http.Headers;
using Azure.Storage.Blobs;
using Schedly.IntegrationTests.Infrastructure;
using static Schedly.IntegrationTests.Infrastructure.HttpExtensions;

namespace Schedly.IntegrationTests.Hosts;

/// <summary>A host's photo through HTTP: uploaded into Azurite's Blob Storage, served by content address, removed.</summary>
[Collection(SchedlyAppCollection.Name)]
public sealed class HostPhotoTests(SchedlyAppFixture app)
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, (byte)'I', (byte)'H', (byte)'D', (byte)'R'];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0];

    private readonly TestHosts _hosts = new(app);

    [Fact]
    public async Task PutPhoto_Png_IsServedImmutableAndShownAsTheHostsImage()
    {
        var (slug, key) = await _hosts.CreateAsync("photo", new Dictionary<string, object>());

        using var put = await app.Client.SendAsync(Upload(slug, Png, "image/png").WithBearer(key));

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var imageUrl = (await put.ReadJsonAsync()).GetProperty("imageUrl").GetString()!;
        Assert.StartsWith($"/api/hosts/{slug}/photos/", imageUrl, StringComparison.Ordinal);
        using var photo = await app.Client.GetAsync(imageUrl);
        Assert.Equal(HttpStatusCode.OK, photo.StatusCode);
        Assert.Equal("image/png", photo.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Png, await photo.Content.ReadAsByteArrayAsync());
        Assert.Contains("immutable", photo.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromDays(365), photo.Headers.CacheControl?.MaxAge);
        Assert.Equal("nosniff", photo.Headers.GetValues("X-Content-Type-Options").Single());
        using var profile = await app.Client.GetAsync($"/api/hosts/{slug}");
        Assert.Equal(imageUrl, (await profile.ReadJsonAsync()).GetProperty("imageUrl").GetString());
        using var config = await app.Client.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/api/admin/hosts/{slug}").WithBearer(key));
        Assert.Equal(imageUrl, (await config.ReadJsonAsync()).GetProperty("photoUrl").GetString());
        Assert.Equal([$"{slug}/{imageUrl.Split('/')[^1]}"], await BlobNamesAsync(slug));
        using var page = await app.Client.GetAsync($"/book/{slug}");
        Assert.Contains($"src=\"{imageUrl}\"", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PutPhoto_ANewOne_GetsANewAddressAndTheOldOneIsGone()
    {
        var (slug, key) = await _hosts.CreateAsync("photo2", new Dictionary<string, object>());
        using var first = await app.Client.SendAsync(Upload(slug, Png, "image/png").WithBearer(key));
        var firstUrl = (await first.ReadJsonAsync()).GetProperty("imageUrl").GetString()!;

        using var second = await app.Client.SendAsync(Upload(slug, Jpeg, "image/jpeg").WithBearer(key));

        var secondUrl = (await second.ReadJsonAsync()).GetProperty("imageUrl").GetString()!;
        Assert.NotEqual(firstUrl, secondUrl);
        Assert.EndsWith(".jpg", secondUrl, StringComparison.Ordinal);
        using var old = await app.Client.GetAsync(firstUrl);
        await old.AssertProblemAsync(404, "not-found");
        Assert.Equal([$"{slug}/{secondUrl.Split('/')[^1]}"], await BlobNamesAsync(slug));
    }

    [Theory]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\"/>", "image/png")]
    [InlineData("GIF89a", "image/gif")]
    [InlineData("", "image/png")]
    public async Task PutPhoto_NotJpegPngOrWebp_Is400AndStoresNothing(string body, string contentType)
    {
        var (slug, key) = await _hosts.CreateAsync("photobad", new Dictionary<string, object>());

        using var put = await app.Client.SendAsync(Upload(slug, System.Text.Encoding.UTF8.GetBytes(body), contentType).WithBearer(key));

        var problem = await put.AssertProblemAsync(400, "validation");
        Assert.True(problem.GetProperty("errors").TryGetProperty("photo", out _));
        Assert.Empty(await BlobNamesAsync(slug));
        using var profile = await app.Client.GetAsync($"/api/hosts/{slug}");
        Assert.Equal(System.Text.Json.JsonValueKind.Null, (await profile.ReadJsonAsync()).GetProperty("imageUrl").ValueKind);
    }

    [Fact]
    public async Task PutPhoto_OverTwoMegabytes_Is413AndStoresNothing()
    {
        var (slug, key) = await _hosts.CreateAsync("photobig", new Dictionary<string, object>());
        var bytes = new byte[(2 * 1024 * 1024) + 1];
        Png.CopyTo(bytes, 0);

        using var put = await app.Client.SendAsync(Upload(slug, bytes, "image/png").WithBearer(key));

        await put.AssertProblemAsync(413, "payload-too-large");
        Assert.Empty(await BlobNamesAsync(slug));
    }

    [Fact]
    public async Task PutPhoto_WithoutKeyOrWithAnotherHostsKey_IsRefused()
    {
        var (slug, _) = await _hosts.CreateAsync("photoauth", new Dictionary<string, object>());
        var (_, otherKey) = await _hosts.CreateAsync("photoother", new Dictionary<string, object>());

        using var anonymous = await app.Client.SendAsync(Upload(slug, Png, "image/png"));
        using var other = await app.Client.SendAsync(Upload(slug, Png, "image/png").WithBearer(otherKey));

        await anonymous.AssertProblemAsync(401, "unauthorized");
        await other.AssertProblemAsync(403, "forbidden");
        Assert.Empty(await BlobNamesAsync(slug));
    }

    [Fact]
    public async Task DeletePhoto_RemovesItsBytesAndTheImage_AndAProfileEditKeepsAPhoto()
    {
        var (slug, key) = await _hosts.CreateAsync("photodel", new Dictionary<string, object>());
        using var put = await app.Client.SendAsync(Upload(slug, Png, "image/png").WithBearer(key));
        var imageUrl = (await put.ReadJsonAsync()).GetProperty("imageUrl").GetString()!;
        using var edit = await app.Client.SendAsync(Json(HttpMethod.Put, $"/api/admin/hosts/{slug}",
            new { name = "Ada L.", email = "ada@example.com", timeZone = "UTC", bio = "Analyst." }).WithBearer(key));
        Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
        using var kept = await app.Client.GetAsync($"/api/hosts/{slug}");
        Assert.Equal(imageUrl, (await kept.ReadJsonAsync()).GetProperty("imageUrl").GetString());

        using var delete = await app.Client.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"/api/admin/hosts/{slug}/photo").WithBearer(key));

        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        using var gone = await app.Client.GetAsync(imageUrl);
        await gone.AssertProblemAsync(404, "not-found");
        Assert.Empty(await BlobNamesAsync(slug));
        using var profile = await app.Client.GetAsync($"/api/hosts/{slug}");
        Assert.Equal(System.Text.Json.JsonValueKind.Null, (await profile.ReadJsonAsync()).GetProperty("imageUrl").ValueKind);
    }

    [Theory]
    [InlineData("nothing.png")]
    [InlineData("0123456789abcdef0123456789abcdef.png")]
    [InlineData("0123456789abcdef0123456789abcdef.svg")]
    public async Task GetPhoto_AnIdOfNoPhoto_Is404(string id)
    {
        using var response = await app.Client.GetAsync($"/api/hosts/nobody/photos/{id}");

        await response.AssertProblemAsync(404, "not-found");
    }

    private static HttpRequestMessage Upload(string slug, byte[] bytes, string contentType)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return new HttpRequestMessage(HttpMethod.Put, $"/api/admin/hosts/{slug}/photo") { Content = content };
    }

    private async Task<List<string>> BlobNamesAsync(string slug)
    {
        var container = new BlobServiceClient(app.Azurite.ConnectionString).GetBlobContainerClient("hostphotos");
        var names = new List<string>();
        await foreach (var blob in container.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, $"{slug}/", CancellationToken.None))
        {
            names.Add(blob.Name);
        }

        return names;
    }
}
