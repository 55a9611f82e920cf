using NodaTime;
using NodaTime.Text;
using Schedly.Core.Hosts;
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
        var to = Parse(end, "end", errors) ?? today;
        var from = Parse(start, "start", errors) ?? to.PlusDays(-29);
        if (to < from)
        {
            errors.Add("end", "Must not be before start.");
        }
        else if (Period.DaysBetween(from, to) + 1 > MaxDays)
        {
            errors.Add("end", $"The range may cover at most {MaxDays} days.");
        }

        if (!errors.IsEmpty)
        {
            return new GetAnalyticsResult.Invalid(errors);
        }

        var days = await analytics.ReadAsync(slug, from, to, cancellationToken).ConfigureAwait(false);
        return new GetAnalyticsResult.Found(from, to, AnalyticsReport.From(days));
    }

    private static LocalDate? Parse(string? value, string field, ValidationErrors errors)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        var parsed = LocalDatePattern.Iso.Parse(value);
        if (parsed.Success)
        {
            return parsed.Value;
        }

        errors.Add(field, "A date as YYYY-MM-DD.");
        return null;
    }
}

public abstract record GetAnalyticsResult
{
    private GetAnalyticsResult()
    {
    }

    public sealed record Found(LocalDate From, LocalDate To, AnalyticsReport Report) : GetAnalyticsResult;

    public sealed record NotFound : GetAnalyticsResult;

    public sealed record Invalid(ValidationErrors Errors) : GetAnalyticsResult;
}
