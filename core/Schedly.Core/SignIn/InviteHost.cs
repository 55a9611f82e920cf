using Schedly.Core.Hosts;

namespace Schedly.Core.SignIn;

/// <summary>
/// The operator invites a host by email: the host is created (or its profile updated) as <see cref="UpsertHost"/> does,
/// then a sign-in link goes to its address at once (<see cref="SendSignInLink"/>), so the host signs in without ever
/// seeing a key and lands on the dashboard's first-run checklist. An expired invitation is replaced by asking for a
/// link on the sign-in page: the address is the host's now.
/// </summary>
public sealed class InviteHost(UpsertHost upsert, SendSignInLink send)
{
    public async Task<UpsertHostResult> ExecuteAsync(HostSlug slug, HostProfileDraft draft, CancellationToken cancellationToken)
    {
        var result = await upsert.ExecuteAsync(slug, draft, cancellationToken).ConfigureAwait(false);
        var host = result switch
        {
            UpsertHostResult.Created created => created.Host,
            UpsertHostResult.Updated updated => updated.Host,
            _ => null,
        };
        if (host is not null)
        {
            await send.ExecuteAsync(HostEmailKey.Of(host.Profile.Email), invitation: true, cancellationToken).ConfigureAwait(false);
        }

        return result;
    }
}
