using Schedly.Core.Validation;

namespace Schedly.Core.Locations;

/// <summary>
/// Meeting locations, bound from <c>Schedly:Locations</c> (app settings <c>Schedly__Locations__*</c>).
/// <see cref="Validate"/> runs at start-up.
/// </summary>
public sealed class LocationOptions : IValidatableOptions
{
    public const string Section = "Schedly:Locations";

    /// <summary>
    /// The server a <c>generatedVideo</c> event type without its own <c>baseUrl</c> opens rooms on: an absolute https
    /// URL; each booking gets <c>{base}/{room}</c> with a random 128-bit room name. Default <c>https://meet.jit.si</c>.
    /// </summary>
    public string GeneratedVideoBaseUrl { get; set; } = "https://meet.jit.si";

    /// <summary><see cref="GeneratedVideoBaseUrl"/> as a URL (valid once <see cref="Validate"/> passed).</summary>
    public Uri GeneratedVideoBase => new(GeneratedVideoBaseUrl, UriKind.Absolute);

    /// <inheritdoc/>
    public IReadOnlyList<string> Validate()
    {
        var errors = new ValidationErrors();
        UrlRules.Https(GeneratedVideoBaseUrl, nameof(GeneratedVideoBaseUrl), isBase: true, errors);
        return errors.IsEmpty ? [] : [$"{Section}:GeneratedVideoBaseUrl must be an absolute https URL without query or fragment."];
    }
}
