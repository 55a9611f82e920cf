using NodaTime;
using Schedly.Core.Hosts;
using Schedly.Core.Notifications;
using Schedly.Core.Security;

namespace Schedly.Core.SignIn;

public enum SignInLinkOutcome
{
    Sent,

    /// <summary>No host has that address (or it changed since), or the host is suspended: nothing is sent.</summary>
    NoSuchHost,
}

/// <summary>
/// Sends a sign-in link to the host whose profile email has <see cref="HostEmailKey"/>: a fresh 256-bit token, stored
/// only as its hash with the host and an expiry <see cref="SignInOptions.LinkLifetime"/> ahead, emailed to the host's
/// address. Runs from the <c>sign-in-links</c> queue, after the HTTP request has been answered the same way whether or
/// not the address is known, so neither the answer nor its timing tells who has an account.
/// </summary>
public sealed class SendSignInLink(
    IHostEmailIndex emails,
    IHostRepository hosts,
    ISignInStore store,
    IEmailSender sender,
    SignInEmail email,
    SignInOptions options,
    IClock clock)
{
    /// <summary>A sign-in link asked for on the sign-in page.</summary>
    public Task<SignInLinkOutcome> ExecuteAsync(HostEmailKey key, CancellationToken cancellationToken) =>
        ExecuteAsync(key, invitation: false, cancellationToken);

    /// <param name="key">The address's key.</param>
    /// <param name="invitation">True: the operator's invitation (a welcome, and how to get a new link later).</param>
    /// <param name="cancellationToken">Cancels the lookups and the send.</param>
    public async Task<SignInLinkOutcome> ExecuteAsync(HostEmailKey key, bool invitation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var slug = await emails.FindAsync(key, cancellationToken).ConfigureAwait(false);
        var host = slug is null ? null : await hosts.FindAsync(slug, cancellationToken).ConfigureAwait(false);

        // The index may be stale (the host changed its address since): the host's current address decides.
        if (host is null || host.Value.Suspended || HostEmailKey.Of(host.Value.Profile.Email) != key)
        {
            return SignInLinkOutcome.NoSuchHost;
        }

        var token = ApiKey.GenerateSignInToken();
        var expiresAt = clock.GetCurrentInstant() + options.LinkLifetime;
        await store.SaveLinkAsync(new SignInLink(token.Hash, host.Value.Slug, expiresAt), cancellationToken).ConfigureAwait(false);
        await sender.SendAsync(email.Compose(host.Value, token, options.LinkMinutes, invitation), cancellationToken).ConfigureAwait(false);
        return SignInLinkOutcome.Sent;
    }
}
