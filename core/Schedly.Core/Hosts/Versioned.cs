namespace Schedly.Core.Hosts;

/// <summary>A stored value and the opaque version (an ETag) it was read at.</summary>
public sealed record Versioned<T>(T Value, string Version);
