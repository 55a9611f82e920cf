namespace Schedly.Core.Validation;

/// <summary>
/// The wire (and storage) names of an enum: each member's name in camelCase (<c>GeneratedVideo</c> ↔
/// <c>generatedVideo</c>), parsed by exact spelling only.
/// </summary>
public static class WireNames<T>
    where T : struct, Enum
{
    private static readonly Dictionary<string, T> ByName =
        Enum.GetValues<T>().ToDictionary(value => char.ToLowerInvariant(value.ToString()[0]) + value.ToString()[1..], StringComparer.Ordinal);

    /// <summary>Every wire name, in the enum's order.</summary>
    public static IReadOnlyCollection<string> Names => ByName.Keys;

    public static string Name(T value) => ByName.First(pair => EqualityComparer<T>.Default.Equals(pair.Value, value)).Key;

    /// <summary>The member a wire name stands for, or null.</summary>
    public static T? Parse(string? name) => name is not null && ByName.TryGetValue(name, out var value) ? value : null;
}
