using System.Text.Json;

namespace Schedly.LocalRunner.Configuration;

/// <summary>
/// The parts of <c>host.json</c> the local runner honours, with the Functions host's defaults for
/// anything the file leaves out.
/// </summary>
public sealed record HostJsonSettings
{
    public string RoutePrefix { get; init; } = "api";

    public int QueueBatchSize { get; init; } = 16;

    public int MaxDequeueCount { get; init; } = 5;

    /// <summary>How long a failed message stays invisible before its next attempt.</summary>
    public TimeSpan VisibilityTimeout { get; init; } = TimeSpan.Zero;

    /// <summary>The longest wait between polls of an empty queue.</summary>
    public TimeSpan MaxPollingInterval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>base64 (the default) or none.</summary>
    public string MessageEncoding { get; init; } = "base64";

    public static HostJsonSettings Load(string path)
    {
        using var stream = File.OpenRead(path);
        using var document = JsonDocument.Parse(stream, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var settings = new HostJsonSettings();
        if (!document.RootElement.TryGetProperty("extensions", out var extensions))
        {
            return settings;
        }

        if (extensions.TryGetProperty("http", out var http) && http.TryGetProperty("routePrefix", out var prefix))
        {
            settings = settings with { RoutePrefix = prefix.GetString() ?? "" };
        }

        if (extensions.TryGetProperty("queues", out var queues))
        {
            settings = settings with
            {
                QueueBatchSize = ReadInt(queues, "batchSize") ?? settings.QueueBatchSize,
                MaxDequeueCount = ReadInt(queues, "maxDequeueCount") ?? settings.MaxDequeueCount,
                VisibilityTimeout = ReadTimeSpan(queues, "visibilityTimeout") ?? settings.VisibilityTimeout,
                MaxPollingInterval = ReadTimeSpan(queues, "maxPollingInterval") ?? settings.MaxPollingInterval,
                MessageEncoding = queues.TryGetProperty("messageEncoding", out var encoding)
                    ? encoding.GetString() ?? settings.MessageEncoding
                    : settings.MessageEncoding,
            };
        }

        return settings;
    }

    private static int? ReadInt(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt32() : null;

    private static TimeSpan? ReadTimeSpan(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? TimeSpan.Parse(value.GetString()!, System.Globalization.CultureInfo.InvariantCulture)
            : null;
}
