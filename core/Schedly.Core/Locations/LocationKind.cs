using Schedly.Core.Validation;

namespace Schedly.Core.Locations;

/// <summary>Where a meeting of an event type happens; the wire names are <see cref="LocationKinds"/>.</summary>
public enum LocationKind
{
    /// <summary>At an address.</summary>
    InPerson,

    /// <summary>The client calls a phone number.</summary>
    Phone,

    /// <summary>A fixed video link, the same for every booking.</summary>
    Video,

    /// <summary>A video room of its own per booking, on a Jitsi-style server (a room is created by being visited).</summary>
    GeneratedVideo,

    /// <summary>Free text the host wrote.</summary>
    Custom,
}

/// <summary>The wire (and storage) names of <see cref="LocationKind"/>: <c>inPerson</c>, <c>phone</c>, <c>video</c>, <c>generatedVideo</c>, <c>custom</c>.</summary>
public static class LocationKinds
{
    public static IReadOnlyCollection<string> Names => WireNames<LocationKind>.Names;

    public static string Name(LocationKind kind) => WireNames<LocationKind>.Name(kind);

    /// <summary>The kind a wire name stands for (exact spelling), or null.</summary>
    public static LocationKind? Parse(string? name) => WireNames<LocationKind>.Parse(name);
}
