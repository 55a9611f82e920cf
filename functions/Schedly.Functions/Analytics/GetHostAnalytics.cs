using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using NodaTime.Text;
using Schedly.Core.Analytics;
using Schedly.Functions.Http;

namespace Schedly.Functions.Analytics;

/// <summary>
/// <c>GET /api/admin/hosts/{host}/analytics?start=&amp;end=</c>: daily rollups (booked, cancelled,
/// rescheduled, no-shows, completed, revenue per currency, and the revenue split into collected (paid online), refunded
/// and expected (not paid yet)), totals, rates and the median lead time.
/// </summary>
public sealed class GetHostAnalytics(AdminRoutes adminRoutes, GetAnalytics getAnalytics)
{
    [Function(nameof(GetHostAnalytics))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/admin/hosts/{host}/analytics")] HttpRequest request,
        string host,
        CancellationToken cancellationToken)
    {
        var admin = await adminRoutes.BindAsync(request, host, cancellationToken).ConfigureAwait(false);
        if (!admin.Allowed)
        {
            return admin.Problem;
        }

        var slug = admin.Host;

        var result = await getAnalytics.ExecuteAsync(slug, request.Query["start"].FirstOrDefault(), request.Query["end"].FirstOrDefault(), cancellationToken)
            .ConfigureAwait(false);
        return result switch
        {
            GetAnalyticsResult.Found found => JsonBody.Ok(AnalyticsResponse.From(found)),
            GetAnalyticsResult.Invalid invalid => Problem.Validation(invalid.Errors),
            GetAnalyticsResult.NotFound => Problem.NotFound("No host has that name."),
            _ => throw new InvalidOperationException($"Unexpected result {result.GetType().Name}."),
        };
    }
}

/// <summary>The analytics document on the wire; amounts are decimal strings with two digits.</summary>
public sealed record AnalyticsResponse(string Start, string End, string? LastUpdated, object Totals, IReadOnlyList<object> Days)
{
    public static AnalyticsResponse From(GetAnalyticsResult.Found found)
    {
        ArgumentNullException.ThrowIfNull(found);
        var report = found.Report;
        return new AnalyticsResponse(
            LocalDatePattern.Iso.Format(found.From),
            LocalDatePattern.Iso.Format(found.To),
            found.LastUpdated is { } updated ? InstantPattern.ExtendedIso.Format(updated) : null,
            new
            {
                booked = report.Booked,
                cancelled = report.Cancelled,
                rescheduled = report.Rescheduled,
                noShows = report.NoShows,
                completed = report.Completed,
                cancellationRate = report.CancellationRate,
                noShowRate = report.NoShowRate,
                medianLeadTimeMinutes = report.MedianLeadTimeMinutes,
                revenue = Money(report.Revenue),
                revenueCollected = Money(report.Collected),
                revenueRefunded = Money(report.Refunded),
                revenueExpected = Money(report.Expected),
            },
            report.Days.Select(d => (object)new
            {
                date = LocalDatePattern.Iso.Format(d.Date),
                eventType = d.EventType,
                booked = d.Booked,
                cancelled = d.Cancelled,
                rescheduled = d.Rescheduled,
                noShows = d.NoShows,
                completed = d.Completed,
                revenue = Money(d.Revenue),
                revenueCollected = Money(d.Collected),
                revenueRefunded = Money(d.Refunded),
                revenueExpected = Money(d.Expected),
            }).ToList());
    }

    private static Dictionary<string, string> Money(IReadOnlyDictionary<string, decimal> amounts) =>
        amounts.ToDictionary(p => p.Key, p => p.Value.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture));
}
