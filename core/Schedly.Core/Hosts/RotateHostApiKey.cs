using NodaTime;
using Schedly.Core.Security;

namespace Schedly.Core.Hosts;

/// <summary>
/// Issues a new API key for a host and retires the old one at once: the host's current key id
/// changes in one conditional write, so the old key stops working the moment the new one exists.
/// </summary>
public sealed class RotateHostApiKey(IHostRepository hosts, IClock clock)
{
    private const int MaxAttempts = 5;

    /// <summary>The new key (shown once), or null when the host does not exist.</summary>
    public async Task<ApiKey?> ExecuteAsync(HostSlug slug, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(slug);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var current = await hosts.FindAsync(slug, cancellationToken).ConfigureAwait(false);
            if (current is null)
            {
                return null;
            }

            var key = ApiKey.Generate();
            await hosts.IndexApiKeyAsync(key.Id, slug, cancellationToken).ConfigureAwait(false);
            var rotated = current.Value with { ApiKey = key.Hash, ApiKeyId = key.Id, UpdatedAt = clock.GetCurrentInstant() };
            if (await hosts.TryUpdateAsync(rotated, current.Version, cancellationToken).ConfigureAwait(false))
            {
                if (current.Value.ApiKeyId.Length > 0)
                {
                    await hosts.ForgetApiKeyAsync(current.Value.ApiKeyId, cancellationToken).ConfigureAwait(false);
                }

                return key;
            }

            await hosts.ForgetApiKeyAsync(key.Id, cancellationToken).ConfigureAwait(false);
        }

        throw new ConcurrencyConflictException($"Host '{slug}' kept changing during key rotation.");
    }
}
