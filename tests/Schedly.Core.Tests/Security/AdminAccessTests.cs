using NodaTime;
using Schedly.Core.Hosts;
using Schedly.Core.Security;

namespace Schedly.Core.Tests.Security;

public sealed class AdminAccessTests
{
    private const string Operator = "operator-key-0123456789abcdef0123456789";
    private static readonly HostSlug Ada = HostSlug.Parse("ada");
    private static readonly HostSlug Bob = HostSlug.Parse("bob");

    [Fact]
    public async Task Authorize_EachKindOfKey_GetsTheDocumentedAnswer()
    {
        var (sut, adaKey, _) = CreateSut();

        Assert.Equal(AdminAccessResult.Unauthenticated, await sut.AuthorizeAsync(null, Ada, false, default));
        Assert.Equal(AdminAccessResult.Unauthenticated, await sut.AuthorizeAsync("garbage", Ada, false, default));
        Assert.Equal(AdminAccessResult.Operator, await sut.AuthorizeAsync(Operator, Bob, true, default));
        Assert.Equal(AdminAccessResult.HostItself, await sut.AuthorizeAsync(adaKey.Value, Ada, false, default));
        Assert.Equal(AdminAccessResult.Forbidden, await sut.AuthorizeAsync(adaKey.Value, Ada, true, default));
        Assert.Equal(AdminAccessResult.Forbidden, await sut.AuthorizeAsync(adaKey.Value, Bob, false, default));
        Assert.Equal(AdminAccessResult.Forbidden, await sut.AuthorizeAsync(adaKey.Value, HostSlug.Parse("nobody"), false, default));
        Assert.Equal(AdminAccessResult.Forbidden, await sut.AuthorizeAsync(adaKey.Value, null, false, default));
    }

    [Fact]
    public async Task Authorize_RetiredOrForgedKey_IsUnauthenticated()
    {
        var (sut, adaKey, retired) = CreateSut();
        var forged = "sk_" + adaKey.Id + "_" + new string('A', 43);

        Assert.Equal(AdminAccessResult.Unauthenticated, await sut.AuthorizeAsync(retired.Value, Ada, false, default));
        Assert.Equal(AdminAccessResult.Unauthenticated, await sut.AuthorizeAsync(forged, Ada, false, default));
    }

    private static (AdminAccess Sut, ApiKey AdaKey, ApiKey Retired) CreateSut()
    {
        var adaKey = ApiKey.Generate();
        var retired = ApiKey.Generate();
        var bobKey = ApiKey.Generate();
        var now = Instant.FromUtc(2026, 11, 25, 10, 0);
        var profile = new HostProfile("Ada", "ada@example.com", DateTimeZone.Utc);
        var hosts = new InMemoryHosts(
            [new Host(Ada, profile, adaKey.Hash, now, now) { ApiKeyId = adaKey.Id }, new Host(Bob, profile, bobKey.Hash, now, now) { ApiKeyId = bobKey.Id }],
            new Dictionary<string, HostSlug> { [adaKey.Id] = Ada, [retired.Id] = Ada, [bobKey.Id] = Bob });
        return (new AdminAccess(hosts, new OperatorKey(Operator)), adaKey, retired);
    }

    private sealed class InMemoryHosts(Host[] hosts, Dictionary<string, HostSlug> keys) : IHostRepository
    {
        public Task<Versioned<Host>?> FindAsync(HostSlug slug, CancellationToken cancellationToken) =>
            Task.FromResult(hosts.FirstOrDefault(h => h.Slug == slug) is { } h ? new Versioned<Host>(h, "1") : null);

        public Task<HostSlug?> FindByApiKeyIdAsync(string keyId, CancellationToken cancellationToken) =>
            Task.FromResult(keys.GetValueOrDefault(keyId));

        public Task IndexApiKeyAsync(string keyId, HostSlug host, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task ForgetApiKeyAsync(string keyId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<bool> TryCreateAsync(Host host, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<bool> TryUpdateProfileAsync(HostSlug slug, HostProfile profile, Instant updatedAt, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<bool> TryUpdateAsync(Host host, string version, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
