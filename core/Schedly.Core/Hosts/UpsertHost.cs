using NodaTime;
using Schedly.Core.Security;
using Schedly.Core.Validation;

namespace Schedly.Core.Hosts;

/// <summary>
/// Creates a host (returning its API key, once) or updates its profile. Concurrent calls for the
/// same slug are resolved by the store: exactly one creation wins and the others become updates;
/// profile updates are last-writer-wins and never touch the key.
/// </summary>
public sealed class UpsertHost(IHostRepository hosts, IClock clock)
{
    private const int MaxAttempts = 3;

    public async Task<UpsertHostResult> ExecuteAsync(HostSlug slug, HostProfileDraft draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(slug);
        ArgumentNullException.ThrowIfNull(draft);
        var profile = draft.Validate();
        if (!profile.IsValid)
        {
            return new UpsertHostResult.Invalid(profile.Errors);
        }

        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var now = clock.GetCurrentInstant();
            var existing = await hosts.FindAsync(slug, cancellationToken).ConfigureAwait(false);
            if (existing is null)
            {
                var key = ApiKey.Generate();
                var created = new Host(slug, profile.Value, key.Hash, now, now) { ApiKeyId = key.Id };
                await hosts.IndexApiKeyAsync(key.Id, slug, cancellationToken).ConfigureAwait(false);
                if (await hosts.TryCreateAsync(created, cancellationToken).ConfigureAwait(false))
                {
                    return new UpsertHostResult.Created(created, key);
                }

                await hosts.ForgetApiKeyAsync(key.Id, cancellationToken).ConfigureAwait(false);

                continue;
            }

            var updated = existing.Value with { Profile = profile.Value, UpdatedAt = now };
            if (await hosts.TryUpdateProfileAsync(slug, profile.Value, now, cancellationToken).ConfigureAwait(false))
            {
                return new UpsertHostResult.Updated(updated);
            }
        }

        throw new ConcurrencyConflictException($"Host '{slug}' was created and deleted concurrently during {MaxAttempts} attempts.");
    }
}

public abstract record UpsertHostResult
{
    private UpsertHostResult()
    {
    }

    /// <summary>A new host; <see cref="ApiKey"/> is shown to the caller this once and never stored.</summary>
    public sealed record Created(Host Host, ApiKey ApiKey) : UpsertHostResult;

    public sealed record Updated(Host Host) : UpsertHostResult;

    public sealed record Invalid(ValidationErrors Errors) : UpsertHostResult;
}
