using NodaTime;
using Schedly.Core.Concurrency;
using Schedly.Core.Security;
using Schedly.Core.SignIn;
using Schedly.Core.Validation;

namespace Schedly.Core.Hosts;

/// <summary>
/// Creates a host (returning its API key, once) or updates its profile. Concurrent calls for the
/// same slug are resolved by the store: exactly one creation wins and the others become updates;
/// profile updates are last-writer-wins and never touch the key. The profile email is pointed at this host in the email
/// index (<see cref="IHostEmailIndex"/>, one row per address) before the profile is written, and a replaced address is
/// released after the write. Two hosts giving one address: the index names the later, which that address then signs
/// in (links go only to the address itself, so nobody else gains a way in).
/// </summary>
public sealed class UpsertHost(IHostRepository hosts, IHostEmailIndex emails, IHostDirectory directory, IClock clock)
{
    public Task<UpsertHostResult> ExecuteAsync(HostSlug slug, HostProfileDraft draft, CancellationToken cancellationToken) =>
        ExecuteAsync(slug, draft, createOnly: false, cancellationToken);

    /// <param name="slug">The host.</param>
    /// <param name="draft">Its profile as sent.</param>
    /// <param name="createOnly">True: an existing host is left alone and the answer is <see cref="UpsertHostResult.Taken"/> (open sign-up).</param>
    /// <param name="cancellationToken">Cancels the storage calls.</param>
    public async Task<UpsertHostResult> ExecuteAsync(HostSlug slug, HostProfileDraft draft, bool createOnly, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(slug);
        ArgumentNullException.ThrowIfNull(draft);
        var profile = draft.Validate();
        if (!profile.IsValid)
        {
            return new UpsertHostResult.Invalid(profile.Errors);
        }

        var emailKey = HostEmailKey.Of(profile.Value.Email);
        if (createOnly && await hosts.FindAsync(slug, cancellationToken).ConfigureAwait(false) is not null)
        {
            return new UpsertHostResult.Taken();
        }

        await emails.PointAsync(emailKey, slug, cancellationToken).ConfigureAwait(false);
        var result = await UpsertAsync(slug, profile.Value, emailKey, createOnly, cancellationToken).ConfigureAwait(false);
        var stored = result switch
        {
            UpsertHostResult.Created created => created.Host,
            UpsertHostResult.Updated updated => updated.Host,
            _ => null,
        };
        if (stored is not null)
        {
            await directory.RecordAsync(stored, cancellationToken).ConfigureAwait(false);
        }

        return result;
    }

    private Task<UpsertHostResult> UpsertAsync(HostSlug slug, HostProfile profile, HostEmailKey emailKey, bool createOnly, CancellationToken cancellationToken) =>
        OptimisticConcurrency.RunAsync<UpsertHostResult>("Host upsert", async ct =>
        {
            var now = clock.GetCurrentInstant();
            var existing = await hosts.FindAsync(slug, ct).ConfigureAwait(false);
            if (existing is not null && createOnly)
            {
                // Created by another request since the check above: never an update of someone else's host.
                return new UpsertHostResult.Taken();
            }

            if (existing is not null)
            {
                // A deleted host between the read and the write makes this a conflict: the next attempt creates it.
                if (!await hosts.TryUpdateProfileAsync(slug, profile, now, ct).ConfigureAwait(false))
                {
                    return Attempt<UpsertHostResult>.Conflict;
                }

                var previousKey = HostEmailKey.Of(existing.Value.Profile.Email);
                if (previousKey != emailKey)
                {
                    await emails.ReleaseAsync(previousKey, slug, ct).ConfigureAwait(false);
                }

                return new UpsertHostResult.Updated(existing.Value with { Profile = profile, UpdatedAt = now });
            }

            var key = ApiKey.Generate();
            var created = new Host(slug, profile, key.Hash, now, now) { ApiKeyId = key.Id };
            await hosts.IndexApiKeyAsync(key.Id, slug, ct).ConfigureAwait(false);
            if (await hosts.TryCreateAsync(created, ct).ConfigureAwait(false))
            {
                return new UpsertHostResult.Created(created, key);
            }

            // Another request created it first: this one becomes an update (or, create-only, Taken) on the next attempt.
            await hosts.ForgetApiKeyAsync(key.Id, ct).ConfigureAwait(false);
            return Attempt<UpsertHostResult>.Conflict;
        }, cancellationToken);
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

    /// <summary>Create-only: a host with that slug exists already; nothing was written.</summary>
    public sealed record Taken : UpsertHostResult;
}
