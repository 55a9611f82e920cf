using Schedly.Core.Hosts;

namespace Schedly.Functions.Http;

/// <summary>The <c>{host}</c> route value, parsed; null when it cannot be a host slug.</summary>
public static class HostRoute
{
    public static HostSlug? Parse(string? value) => HostSlug.TryParse(value, out var slug) ? slug : null;

    /// <summary>True when an <c>{eventType}</c> route value can name an event type.</summary>
    public static bool IsSlug(string? value) => Slugs.IsValid(value);
}
