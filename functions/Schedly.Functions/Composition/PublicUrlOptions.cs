using Schedly.Core.Validation;

namespace Schedly.Functions.Composition;

/// <summary>
/// Where the app is reached from outside, bound from <c>Schedly</c> (app setting <c>Schedly__PublicBaseUrl</c>): the
/// base of the manage links in emails.
/// </summary>
public sealed class PublicUrlOptions : IValidatableOptions
{
    public const string Section = "Schedly";

    public const string DefaultPublicBaseUrl = "http://127.0.0.1:7071";

    /// <summary>An absolute http or https URL. Default (also when blank) <c>http://127.0.0.1:7071</c>, the local runner.</summary>
    public string PublicBaseUrl { get; set; } = DefaultPublicBaseUrl;

    /// <summary>The validated <see cref="PublicBaseUrl"/>.</summary>
    public Uri BaseUri => new(Effective, UriKind.Absolute);

    private string Effective => string.IsNullOrWhiteSpace(PublicBaseUrl) ? DefaultPublicBaseUrl : PublicBaseUrl;

    /// <inheritdoc/>
    public IReadOnlyList<string> Validate() =>
        Uri.TryCreate(Effective, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? []
            : [$"{Section}:PublicBaseUrl must be an absolute http or https URL, such as https://bookings.example.com."];
}
