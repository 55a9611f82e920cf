using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Schedly.Testing;

namespace Schedly.Soak;

/// <summary>
/// Every request the workload sends goes through here: it is counted (the run is bounded in requests), timed into a
/// "calm" or "fault" recorder per operation (whether a fault was in progress when it ended), and classified.
/// </summary>
public sealed class SoakHttp(HttpClient client, FaultLog faults) : IDisposable
{
    private readonly ConcurrentDictionary<string, LatencyRecorder> _calm = new();
    private readonly ConcurrentDictionary<string, LatencyRecorder> _faulted = new();
    private readonly ConcurrentDictionary<int, int> _statuses = new();
    private int _requests;

    public int Requests => Volatile.Read(ref _requests);

    /// <summary>Responses by status code (0: no response: refused, reset or timed out).</summary>
    public IReadOnlyDictionary<int, int> Statuses => _statuses;

    public IReadOnlyDictionary<string, LatencyRecorder> Calm => _calm;

    public IReadOnlyDictionary<string, LatencyRecorder> Faulted => _faulted;

    public async Task<ApiResult> SendAsync(string operation, HttpMethod method, string path, object? body = null, string? bearer = null, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        Interlocked.Increment(ref _requests);
        var started = Stopwatch.GetTimestamp();
        ApiResult result;
        try
        {
            using var response = await client.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            result = new ApiResult((int)response.StatusCode, Parse(text));
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            result = new ApiResult(0, null);
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        var recorders = faults.AnyActive() ? _faulted : _calm;
        recorders.GetOrAdd(operation, name => new LatencyRecorder(name)).Record(elapsed, result.Status == 0 ? "no response" : result.Status.ToString(System.Globalization.CultureInfo.InvariantCulture));
        _statuses.AddOrUpdate(result.Status, 1, (_, n) => n + 1);
        return result;
    }

    public void Dispose() => client.Dispose();

    private static JsonElement? Parse(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>
/// A response: <see cref="Status"/> 0 when none came. <see cref="Ambiguous"/>: the request may or may not have taken
/// effect (no response, or a 5xx), so the client must retry idempotently or read the state back.
/// </summary>
public sealed record ApiResult(int Status, JsonElement? Body)
{
    public bool Ambiguous => Status is 0 or >= 500;

    public bool Success => Status is >= 200 and < 300;

    public string String(string property) => Body?.GetProperty(property).GetString() ?? throw new InvalidOperationException($"No '{property}' in the response.");
}
