using NodaTime;
using Schedly.Core.Hosts;
using Schedly.Core.Scheduling;
using Schedly.Core.Validation;

namespace Schedly.Core.Analytics;

/// <summary>
/// The host's analytics for host-local dates <c>start</c>..<c>end</c> (both inclusive; default the last
/// 30 days up to today; at most 366 days), from the stored rollups.
/// </summary>
public sealed class GetAnalytics(IHostRepository hosts, IAnalyticsStore analytics, IClock clock)
{
    public const int MaxDays = 366;

    public async Task<GetAnalyticsResult> ExecuteAsync(HostSlug slug, string? start, string? end, CancellationToken cancellationToken)
    {
        var host = await hosts.FindAsync(slug, cancellationToken).ConfigureAwait(false);
        if (host is null)
        {
            return new GetAnalyticsResult.NotFound();
        }

        var errors = new ValidationErrors();
        var today = clock.GetCurrentInstant().InZone(host.Value.Profile.TimeZone).Date;
        var to = SchedulingPatterns.OptionalDate(end, "end", errors) ?? today;
        var from = SchedulingPatterns.OptionalDate(start, "start", errors) ?? to.PlusDays(-29);
        SchedulingPatterns.CheckDateRange(from, to, MaxDays, errors);

        if (!errors.IsEmpty)
        {
            return new GetAnalyticsResult.Invalid(errors);
        }

        var now = clock.GetCurrentInstant();
        var stored = await analytics.ReadAsync(slug, from, to, cancellationToken).ConfigureAwait(false);
        return new GetAnalyticsResult.Found(from, to, AnalyticsReport.From([.. stored.Days.Select(d => d with { Completed = d.CompletedAt(now) })]), stored.LastUpdated);
    }
}

public abstract record GetAnalyticsResult
{
    private GetAnalyticsResult()
    {
    }

    /// <summary>The report; <paramref name="LastUpdated"/>: when the roll-up last wrote one of its days (null: never).</summary>
    public sealed record Found(LocalDate From, LocalDate To, AnalyticsReport Report, Instant? LastUpdated) : GetAnalyticsResult;

    public sealed record NotFound : GetAnalyticsResult;

    public sealed record Invalid(ValidationErrors Errors) : GetAnalyticsResult;
}
