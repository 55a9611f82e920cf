using System.Text.Json;

namespace Schedly.LocalRunner.Configuration;

/// <summary>
/// Reads <c>local.settings.json</c> as <c>func start</c> does: its <c>Values</c> become
/// configuration (with <c>__</c> meaning a section separator) and <c>Host.LocalHttpPort</c> the port.
/// </summary>
public sealed record LocalSettings(IReadOnlyDictionary<string, string?> Values, int? LocalHttpPort)
{
    public static LocalSettings Empty { get; } = new(new Dictionary<string, string?>(), null);

    /// <summary><c>Host.CORS</c>: comma-separated origins allowed to call from a browser (as <c>func start</c> reads it).</summary>
    public IReadOnlyList<string> CorsOrigins { get; init; } = [];

    public static LocalSettings Load(string path)
    {
        if (!File.Exists(path))
        {
            return Empty;
        }

        using var stream = File.OpenRead(path);
        using var document = JsonDocument.Parse(stream, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (document.RootElement.TryGetProperty("Values", out var valuesElement))
        {
            foreach (var property in valuesElement.EnumerateObject())
            {
                values[ToConfigurationKey(property.Name)] = property.Value.ValueKind == JsonValueKind.String
                    ? property.Value.GetString()
                    : property.Value.GetRawText();
            }
        }

        int? port = document.RootElement.TryGetProperty("Host", out var host)
            && host.TryGetProperty("LocalHttpPort", out var portElement)
            && portElement.ValueKind == JsonValueKind.Number
                ? portElement.GetInt32()
                : null;
        var cors = document.RootElement.TryGetProperty("Host", out var hostElement)
            && hostElement.TryGetProperty("CORS", out var corsElement)
            && corsElement.ValueKind == JsonValueKind.String
                ? corsElement.GetString()!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                : [];
        return new LocalSettings(values, port) { CorsOrigins = cors };
    }

    /// <summary><c>Schedly__Security__OperatorKey</c> → <c>Schedly:Security:OperatorKey</c>, as environment variables map.</summary>
    public static string ToConfigurationKey(string name) => name.Replace("__", ":", StringComparison.Ordinal);
}
