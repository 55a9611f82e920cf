using NodaTime;
using NodaTime.Testing;
using Schedly.Core.Hosts;
using Schedly.Core.Security;
using Schedly.Core.SignIn;
using Schedly.Core.Tests.Hosts;
using Schedly.Core.Tests.Notifications;

namespace Schedly.Core.Tests.SignIn;

public sealed class RedeemSignInLinkTests
{
    private readonly FakeClock _clock = new(Sample.Now);
    private readonly FakeSignInStore _store = new();
    private readonly SignInOptions _options = new() { LinkMinutes = 15, SessionHours = 24 };

    [Fact]
    public async Task Execute_FreshLink_StartsOneSessionOfItsHostStoredOnlyAsHash()
    {
        var token = Plant(Sample.Now + Duration.FromMinutes(15));

        var result = Assert.IsType<RedeemResult.SignedIn>(await CreateSut().ExecuteAsync(token, CancellationToken.None));

        Assert.Equal(Sample.HostSlug, result.Host);
        Assert.Equal(Sample.Now + Duration.FromHours(24), result.ExpiresAt);
        var stored = Assert.Single(_store.Sessions.Values);
        Assert.Equal(result.SessionId.Hash, stored.IdHash);
        Assert.DoesNotContain(_store.Sessions.Keys, k => k.Contains(result.SessionId.Value, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Execute_SameLinkTwice_SecondIsRefused()
    {
        var token = Plant(Sample.Now + Duration.FromMinutes(15));
        var sut = CreateSut();

        Assert.IsType<RedeemResult.SignedIn>(await sut.ExecuteAsync(token, CancellationToken.None));
        Assert.Same(RedeemResult.Unusable.UnknownOrUsed, await sut.ExecuteAsync(token, CancellationToken.None));
        Assert.Single(_store.Sessions);
    }

    [Fact]
    public async Task Execute_AtItsExpiry_IsExpiredAndStartsNoSession()
    {
        var token = Plant(Sample.Now);

        Assert.Same(RedeemResult.Unusable.Expired, await CreateSut().ExecuteAsync(token, CancellationToken.None));
        Assert.Empty(_store.Sessions);
        Assert.Empty(_store.Links); // an expired link is used up too
    }

    [Fact]
    public async Task Execute_SuspendedHost_IsRefused()
    {
        var token = Plant(Sample.Now + Duration.FromMinutes(15));

        var result = await CreateSut(Sample.Host() with { Suspended = true }).ExecuteAsync(token, CancellationToken.None);

        Assert.Same(RedeemResult.Unusable.Refused, result);
        Assert.Empty(_store.Sessions);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("sl_never-issued")]
    public async Task Execute_UnknownToken_IsRefused(string? token) =>
        Assert.Same(RedeemResult.Unusable.UnknownOrUsed, await CreateSut().ExecuteAsync(token, CancellationToken.None));

    private string Plant(Instant expiresAt)
    {
        var token = ApiKey.GenerateSignInToken();
        _store.Links.Add(token.Hash.Hex, new SignInLink(token.Hash, Sample.HostSlug, expiresAt));
        return token.Value;
    }

    private RedeemSignInLink CreateSut(Host? host = null) =>
        new(_store, new FakeHostRepository(host ?? Sample.Host()), _options, _clock);
}
