namespace Schedly.Core.Hosts;

/// <summary>The public face of a host: what a client sees before booking. Never the key hash.</summary>
public sealed class GetHostProfile(IHostRepository hosts)
{
    public async Task<PublicHostProfile?> ExecuteAsync(HostSlug slug, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(slug);
        var host = await hosts.FindAsync(slug, cancellationToken).ConfigureAwait(false);
        return host is null
            ? null
            : new PublicHostProfile(host.Value.Slug.Value, host.Value.Profile.Name, host.Value.Profile.TimeZone.Id);
    }
}

/// <summary>A host as the public booking page sees it.</summary>
public sealed record PublicHostProfile(string Slug, string Name, string TimeZone);
