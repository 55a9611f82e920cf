using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Schedly.Core.Abuse;
using Schedly.Core.Bookings;
using Schedly.Core.Scheduling;
using Schedly.Functions.Http;

namespace Schedly.Functions.Slots;

/// <summary>
/// <c>GET /api/hosts/{host}/event-types/{eventType}/slots?start=YYYY-MM-DD&amp;end=YYYY-MM-DD&amp;timeZone=IANA</c>:
/// free slots grouped by the client's local date (both dates inclusive, at most 62 days); <c>&amp;durationMinutes=</c>
/// picks one of the event type's lengths.
/// </summary>
public sealed class GetSlots(ListSlots listSlots, PublicRateLimit rateLimit)
{
    [Function(nameof(GetSlots))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/hosts/{host}/event-types/{eventType}/slots")] HttpRequest request,
        string host,
        string eventType,
        CancellationToken cancellationToken)
    {
        var slug = HostRoute.Parse(host);
        if (slug is null || !HostRoute.IsSlug(eventType))
        {
            return Problem.NotFound("No such host or event type.");
        }

        if (await rateLimit.CheckAsync(request, RateLimitedAction.SlotQuery, slug, cancellationToken).ConfigureAwait(false) is { } limited)
        {
            return limited;
        }

        var query = new SlotQueryDraft(Single(request, "start"), Single(request, "end"), Single(request, "timeZone"));
        var result = await listSlots.ExecuteAsync(slug, eventType, query, Single(request, "durationMinutes"), cancellationToken).ConfigureAwait(false);
        return result switch
        {
            ListSlotsResult.Found found => JsonBody.Ok(SlotsResponse.From(found.Days)),
            ListSlotsResult.Invalid invalid => Problem.Validation(invalid.Errors),
            ListSlotsResult.NotFound => Problem.NotFound("No such host or event type."),
            _ => throw new InvalidOperationException($"Unexpected result {result.GetType().Name}."),
        };
    }

    /// <summary>A query parameter given once; a repeated parameter reads as its first value.</summary>
    internal static string? Single(HttpRequest request, string name) =>
        request.Query.TryGetValue(name, out var values) && values.Count > 0 ? values[0] : null;
}
