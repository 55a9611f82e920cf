using NodaTime;
using Schedly.Core.Concurrency;
using Schedly.Core.Security;

namespace Schedly.Core.Hosts;

/// <summary>
/// Issues a new API key for a host and retires the old one at once: the host's current key id
/// changes in one conditional write, so the old key stops working the moment the new one exists.
/// </summary>
public sealed class RotateHostApiKey(IHostRepository hosts, IClock clock)
{
    /// <summary>The new key (shown once), or null when the host does not exist.</summary>
    public Task<ApiKey?> ExecuteAsync(HostSlug slug, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(slug);
        return OptimisticConcurrency.RunAsync<ApiKey?>("Key rotation", async ct =>
        {
            var current = await hosts.FindAsync(slug, ct).ConfigureAwait(false);
            if (current is null)
            {
                return null;
            }

            var key = ApiKey.Generate();
            await hosts.IndexApiKeyAsync(key.Id, slug, ct).ConfigureAwait(false);
            var rotated = current.Value.WithApiKey(key, clock.GetCurrentInstant());
            if (!await hosts.TryUpdateAsync(rotated, current.Version, ct).ConfigureAwait(false))
            {
                await hosts.ForgetApiKeyAsync(key.Id, ct).ConfigureAwait(false);
                return Attempt<ApiKey?>.Conflict;
            }

            if (current.Value.ApiKeyId.Length > 0)
            {
                await hosts.ForgetApiKeyAsync(current.Value.ApiKeyId, ct).ConfigureAwait(false);
            }

            return key;
        }, cancellationToken);
    }
}
