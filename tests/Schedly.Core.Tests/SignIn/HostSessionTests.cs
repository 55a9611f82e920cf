using NodaTime;
using Schedly.Core.Hosts;
using Schedly.Core.Security;
using Schedly.Core.SignIn;
using Schedly.Core.Tests.Notifications;

namespace Schedly.Core.Tests.SignIn;

public sealed class HostSessionTests
{
    private static readonly Instant Began = Sample.Now;
    private static readonly HostSession Session = new(ApiKeyHash.Of("ss_x"), Sample.HostSlug, Began, Began + Duration.FromHours(1));

    [Fact]
    public void IsValidFor_BeforeExpiry_True() => Assert.True(Session.IsValidFor(Sample.Host(), Began + Duration.FromMinutes(59)));

    [Fact]
    public void IsValidFor_AtExpiry_False() => Assert.False(Session.IsValidFor(Sample.Host(), Began + Duration.FromHours(1)));

    [Fact]
    public void IsValidFor_RevokedAfterItBegan_False() =>
        Assert.False(Session.IsValidFor(Sample.Host().WithSessionsRevoked(Began + Duration.FromSeconds(1)), Began + Duration.FromMinutes(1)));

    [Fact]
    public void IsValidFor_RevokedBeforeItBegan_True() =>
        Assert.True(Session.IsValidFor(Sample.Host().WithSessionsRevoked(Began - Duration.FromSeconds(1)), Began + Duration.FromMinutes(1)));

    [Fact]
    public void IsValidFor_SuspendedHost_False() =>
        Assert.False(Session.IsValidFor(Sample.Host() with { Suspended = true }, Began));

    [Fact]
    public void IsValidFor_AnotherHost_False() =>
        Assert.False(Session.IsValidFor(Sample.Host() with { Slug = HostSlug.Parse("grace") }, Began));

    [Theory]
    [InlineData("Ada@Example.com ", "ada@example.com")]
    [InlineData("ADA@EXAMPLE.COM", "ada@example.com")]
    public void HostEmailKey_SameAddressInAnyCase_SameKey(string a, string b) =>
        Assert.Equal(HostEmailKey.Of(a), HostEmailKey.Of(b));
}
