using System.Globalization;
using Schedly.Core.Scheduling;

namespace Schedly.Core.Hosts;

/// <summary>The public face of a host: what a client sees before booking. No email, no key, no bookings.</summary>
public sealed class GetHostProfile(IHostRepository hosts)
{
    public async Task<PublicHostProfile?> ExecuteAsync(HostSlug slug, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(slug);
        var host = await hosts.FindAsync(slug, cancellationToken).ConfigureAwait(false);
        if (host is null)
        {
            return null;
        }

        var eventTypes = host.Value.Schedule.EventTypes
            .Select(pair => (Slug: pair.Key, Type: pair.Value.Validate().Value))
            .Where(e => e.Type.Active)
            .OrderBy(e => e.Slug, StringComparer.Ordinal)
            .Select(e => PublicEventType.From(e.Slug, e.Type))
            .ToList();
        return new PublicHostProfile(host.Value.Slug.Value, host.Value.Profile.Name, host.Value.Profile.TimeZone.Id, eventTypes);
    }
}

/// <summary>A host as the public booking page sees it.</summary>
public sealed record PublicHostProfile(string Slug, string Name, string TimeZone, IReadOnlyList<PublicEventType> EventTypes);

/// <summary>An active event type as the public booking page sees it.</summary>
public sealed record PublicEventType(string Slug, string Title, string Description, int DurationMinutes, PublicPrice? Price)
{
    public static PublicEventType From(string slug, EventType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return new(
            slug,
            type.Title,
            type.Description,
            (int)type.Duration.TotalMinutes,
            type.Price is { } price ? PublicPrice.From(price) : null);
    }
}

/// <summary>A price on the wire: the amount as a decimal string with two digits, and the ISO 4217 code.</summary>
public sealed record PublicPrice(string Amount, string Currency)
{
    public static PublicPrice From(Price price)
    {
        ArgumentNullException.ThrowIfNull(price);
        return new(price.Amount.ToString("0.00", CultureInfo.InvariantCulture), price.Currency);
    }
}
