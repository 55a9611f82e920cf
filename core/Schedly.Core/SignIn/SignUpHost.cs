using Schedly.Core.Hosts;

namespace Schedly.Core.SignIn;

/// <summary>
/// Open sign-up, when the deployment allows it (<see cref="SignInOptions.OpenSignUp"/>): creates a host (never
/// updates one) and emails it a sign-in link, as an invitation does. An address that already signs in a host gets
/// that host's sign-in link instead and nothing is created, with the same answer, so sign-up tells nobody which
/// addresses have accounts.
/// </summary>
public sealed class SignUpHost(UpsertHost upsert, IHostEmailIndex emails, IHostRepository hosts, SendSignInLink send, SignInOptions options)
{
    public async Task<SignUpResult> ExecuteAsync(HostSlug slug, HostProfileDraft draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(slug);
        ArgumentNullException.ThrowIfNull(draft);
        if (!options.OpenSignUp)
        {
            return new SignUpResult.Closed();
        }

        var profile = draft.Validate();
        if (!profile.IsValid)
        {
            return new SignUpResult.Invalid(profile.Errors);
        }

        var key = HostEmailKey.Of(profile.Value.Email);
        var owner = await emails.FindAsync(key, cancellationToken).ConfigureAwait(false);
        var existing = owner is null ? null : await hosts.FindAsync(owner, cancellationToken).ConfigureAwait(false);
        if (existing is not null && HostEmailKey.Of(existing.Value.Profile.Email) == key)
        {
            await send.ExecuteAsync(key, cancellationToken).ConfigureAwait(false);
            return new SignUpResult.Accepted();
        }

        var result = await upsert.ExecuteAsync(slug, draft, createOnly: true, cancellationToken).ConfigureAwait(false);
        switch (result)
        {
            case UpsertHostResult.Created:
                await send.ExecuteAsync(key, invitation: true, cancellationToken).ConfigureAwait(false);
                return new SignUpResult.Accepted();
            case UpsertHostResult.Invalid invalid:
                return new SignUpResult.Invalid(invalid.Errors);
            default:
                return new SignUpResult.Taken();
        }
    }
}

public abstract record SignUpResult
{
    private SignUpResult()
    {
    }

    /// <summary>The deployment does not allow open sign-up.</summary>
    public sealed record Closed : SignUpResult;

    public sealed record Invalid(Validation.ValidationErrors Errors) : SignUpResult;

    /// <summary>The host slug is taken (slugs are public: booking pages show them).</summary>
    public sealed record Taken : SignUpResult;

    /// <summary>A sign-in link is on its way (to a new host, or to the host that has the address already).</summary>
    public sealed record Accepted : SignUpResult;
}
