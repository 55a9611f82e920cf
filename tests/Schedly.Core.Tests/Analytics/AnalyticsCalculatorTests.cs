using NodaTime;
using Schedly.Core.Analytics;
using Schedly.Core.Bookings;
using Schedly.Core.Hosts;
using Schedly.Core.Scheduling;
using Schedly.Core.Security;

namespace Schedly.Core.Tests.Analytics;

public sealed class AnalyticsCalculatorTests
{
    private static readonly DateTimeZone London = DateTimeZoneProviders.Tzdb["Europe/London"];
    private static readonly Instant Now = Instant.FromUtc(2026, 3, 31, 12, 0);

    /// <summary>
    /// A scripted March in London (the clocks go forward on the 29th):
    /// 2 Mar: intro 09:00 (EUR 50, booked 1 day ahead), intro 10:00 cancelled (EUR 50, 2 days ahead);
    /// 29 Mar: intro 00:30 local = 00:30Z (rescheduled once, no-show, EUR 50, 10 days ahead), deep 23:30 local = 22:30Z
    /// (GBP 80, completed, 3 days ahead); 31 Mar: intro 18:00 BST (future, EUR 50, 5 days ahead).
    /// </summary>
    [Fact]
    public void Rollup_ScriptedMonth_MatchesHandComputedFigures()
    {
        var bookings = new[]
        {
            Booking("intro", Instant.FromUtc(2026, 3, 2, 9, 0), 30, Duration.FromDays(1), new Price(50m, "EUR")),
            Booking("intro", Instant.FromUtc(2026, 3, 2, 10, 0), 30, Duration.FromDays(2), new Price(50m, "EUR")) with { Status = BookingStatus.Cancelled },
            Booking("intro", Instant.FromUtc(2026, 3, 29, 0, 30), 30, Duration.FromDays(10), new Price(50m, "EUR"), sequence: 1) with { NoShow = true },
            Booking("deep", Instant.FromUtc(2026, 3, 29, 22, 30), 60, Duration.FromDays(3), new Price(80m, "GBP")),
            Booking("intro", Instant.FromUtc(2026, 3, 31, 17, 0), 30, Duration.FromDays(5), new Price(50m, "EUR")),
        };

        var days = AnalyticsCalculator.Rollup(bookings, London, Now);
        var report = AnalyticsReport.From(days);

        Assert.Equal(
            ["2026-03-02 intro", "2026-03-29 intro", "2026-03-29 deep", "2026-03-31 intro"],
            days.Select(d => $"{d.Date:yyyy'-'MM'-'dd} {d.EventType}").OrderBy(s => s[..10], StringComparer.Ordinal).ThenByDescending(s => s, StringComparer.Ordinal).ToArray());
        var march2 = days.Single(d => d.Date == new LocalDate(2026, 3, 2));
        Assert.Equal((2, 1, 0, 0, 1), (march2.Booked, march2.Cancelled, march2.Rescheduled, march2.NoShows, march2.Completed));
        Assert.Equal(50m, march2.Revenue["EUR"]);
        var deep = days.Single(d => d.EventType == "deep");
        Assert.Equal(new LocalDate(2026, 3, 29), deep.Date); // 22:30Z is 23:30 BST on the 29th, not the 30th
        Assert.Equal((5, 1, 1, 1, 2), (report.Booked, report.Cancelled, report.Rescheduled, report.NoShows, report.Completed));
        Assert.Equal(0.2, report.CancellationRate);
        Assert.Equal(0.25, report.NoShowRate);
        Assert.Equal(150m, report.Revenue["EUR"]);
        Assert.Equal(80m, report.Revenue["GBP"]);
        Assert.Equal(3 * 24 * 60, report.MedianLeadTimeMinutes); // lead times 1, 2, 3, 5, 10 days
    }

    [Fact]
    public void Rollup_SameInputTwice_GivesTheSameFigures()
    {
        var bookings = new[] { Booking("intro", Instant.FromUtc(2026, 3, 2, 9, 0), 30, Duration.FromHours(5), null) };

        var first = AnalyticsReport.From(AnalyticsCalculator.Rollup(bookings, London, Now));
        var second = AnalyticsReport.From(AnalyticsCalculator.Rollup(bookings, London, Now));

        Assert.Equal((first.Booked, first.Completed, first.MedianLeadTimeMinutes), (second.Booked, second.Completed, second.MedianLeadTimeMinutes));
        Assert.Empty(first.Revenue);
    }

    private static Booking Booking(string eventType, Instant start, int minutes, Duration lead, Price? price, int sequence = 0) => new(
        BookingId.New(HostSlug.Parse("ada")),
        eventType,
        start,
        start + Duration.FromMinutes(minutes),
        Duration.Zero,
        Duration.Zero,
        BookingStatus.Confirmed,
        new ClientDetails("Grace", "grace@example.com", DateTimeZone.Utc, "", new Dictionary<string, string>()),
        ApiKeyHash.Of("mt_x"),
        start - lead,
        start - lead,
        sequence,
        price,
        start.InZone(London).Date);
}
