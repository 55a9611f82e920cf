using NodaTime;

namespace Schedly.Core.Hosts;

/// <summary>What a host tells about itself: a display name, a contact email and its home zone.</summary>
public sealed record HostProfile(string Name, string Email, DateTimeZone TimeZone)
{
    public const int MaxNameLength = 200;
}
