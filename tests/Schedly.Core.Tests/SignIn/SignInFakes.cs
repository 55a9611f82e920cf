using NodaTime;
using Schedly.Core.Security;
using Schedly.Core.SignIn;

namespace Schedly.Core.Tests.SignIn;

/// <summary>Links and sessions in memory; taking a link removes it, as the table store's conditional delete does.</summary>
internal sealed class FakeSignInStore : ISignInStore
{
    public Dictionary<string, SignInLink> Links { get; } = [];

    public Dictionary<string, HostSession> Sessions { get; } = [];

    public Task SaveLinkAsync(SignInLink link, CancellationToken cancellationToken)
    {
        Links.Add(link.TokenHash.Hex, link);
        return Task.CompletedTask;
    }

    public Task<SignInLink?> TakeLinkAsync(ApiKeyHash tokenHash, Instant now, CancellationToken cancellationToken) =>
        Task.FromResult(Links.Remove(tokenHash.Hex, out var link) ? link : null);

    public Task SaveSessionAsync(HostSession session, CancellationToken cancellationToken)
    {
        Sessions.Add(session.IdHash.Hex, session);
        return Task.CompletedTask;
    }

    public Task<HostSession?> FindSessionAsync(ApiKeyHash idHash, CancellationToken cancellationToken) =>
        Task.FromResult(Sessions.GetValueOrDefault(idHash.Hex));

    public Task DeleteSessionAsync(ApiKeyHash idHash, CancellationToken cancellationToken)
    {
        Sessions.Remove(idHash.Hex);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<ApiKeyHash>> ListSessionsExpiredBeforeAsync(Instant before, int max, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ApiKeyHash>>(Sessions.Values.Where(s => s.ExpiresAt < before).Take(max).Select(s => s.IdHash).ToList());
}
