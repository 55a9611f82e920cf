using System.Text.Json;

namespace Schedly.Core.Notifications;

/// <summary>
/// JSON of the queue messages (web defaults: camelCase names, read case-insensitively). The message records compose
/// <see cref="BookingEventReference"/> but keep the documented flat wire shape: their converters write the reference's
/// fields next to their own and read both from the same object, so the JSON is what it was before the records were
/// composed and messages already waiting on a queue still parse.
/// </summary>
public static class QueueMessageJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    /// <summary><paramref name="json"/> as <typeparamref name="T"/>, or null when it is not JSON of that shape.</summary>
    public static T? TryDeserialize<T>(string json)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            return JsonSerializer.Deserialize<T>(json, Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Reads one JSON object and hands its properties to <paramref name="read"/>.</summary>
    internal static T Read<T>(ref Utf8JsonReader reader, Func<Fields, T> read)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("A queue message is a JSON object.");
        }

        return read(new Fields(document.RootElement));
    }

    /// <summary>The properties of one message object, looked up case-insensitively.</summary>
    internal sealed class Fields
    {
        private readonly Dictionary<string, JsonElement> _properties = new(StringComparer.OrdinalIgnoreCase);

        public Fields(JsonElement message)
        {
            foreach (var property in message.EnumerateObject())
            {
                _properties[property.Name] = property.Value;
            }
        }

        /// <summary>A string property; null when absent or null.</summary>
        public string? String(string name) => _properties.TryGetValue(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Null => null,
                _ => throw new JsonException($"{name} must be a string."),
            }
            : null;

        /// <summary>A 32-bit integer property; null when absent or null.</summary>
        public int? Int(string name) => _properties.TryGetValue(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.Number when value.TryGetInt32(out var number) => number,
                JsonValueKind.Null => null,
                _ => throw new JsonException($"{name} must be an integer."),
            }
            : null;
    }
}
