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
    private static readonly Dictionary<string, LocationKind> ByName = new(StringComparer.Ordinal)
    {
        ["inPerson"] = LocationKind.InPerson,
        ["phone"] = LocationKind.Phone,
        ["video"] = LocationKind.Video,
        ["generatedVideo"] = LocationKind.GeneratedVideo,
        ["custom"] = LocationKind.Custom,
    };

    /// <summary>Every wire name, in the enum's order.</summary>
    public static IReadOnlyCollection<string> Names => ByName.Keys;

    public static string Name(LocationKind kind) => ByName.First(pair => pair.Value == kind).Key;

    /// <summary>The kind a wire name stands for (exact spelling), or null.</summary>
    public static LocationKind? Parse(string? name) => name is not null && ByName.TryGetValue(name, out var kind) ? kind : null;
}
