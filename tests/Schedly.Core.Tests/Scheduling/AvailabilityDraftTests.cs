using NodaTime;
using Schedly.Core.Scheduling;
using static Schedly.Core.Tests.Scheduling.Schedules;

namespace Schedly.Core.Tests.Scheduling;

public sealed class AvailabilityDraftTests
{
    private static AvailabilityDraft Weekly(string day, params TimeRangeDraft?[] ranges) =>
        new(new Dictionary<string, IReadOnlyList<TimeRangeDraft?>?> { [day] = ranges }, null, null);

    private static IReadOnlyDictionary<string, string[]> Errors(AvailabilityDraft draft)
    {
        var result = draft.Validate();
        Assert.False(result.IsValid);
        return result.Errors.ToDictionary();
    }

    [Fact]
    public void Validate_DesignExample_Succeeds()
    {
        var draft = new AvailabilityDraft(
            new Dictionary<string, IReadOnlyList<TimeRangeDraft?>?>
            {
                ["monday"] = [new("09:00", "12:00"), new("13:00", "17:00")],
                ["tuesday"] = [],
                ["sunday"] = [new("20:00", "24:00")],
            },
            [new DateOverrideDraft("2026-12-24", [])],
            [new BlockedPeriodDraft("2026-12-28T00:00:00Z", "2027-01-02T00:00:00Z", "holidays")]);

        var availability = draft.Validate().Value;

        Assert.Equal([Range("09:00", "12:00"), Range("13:00", "17:00")], availability.Weekly.For(IsoDayOfWeek.Monday));
        Assert.True(availability.Weekly.For(IsoDayOfWeek.Sunday)[0].EndsAtEndOfDay);
        Assert.Empty(availability.Weekly.For(IsoDayOfWeek.Wednesday));
        Assert.Empty(availability.IntervalsOn(Date("2026-12-24")));
        Assert.Equal("holidays", availability.Blocked[0].Reason);
    }

    [Fact]
    public void Validate_AllMissing_ClosedEveryDay()
    {
        var availability = new AvailabilityDraft(null, null, null).Validate().Value;

        Assert.All(Enumerable.Range(1, 7), d => Assert.Empty(availability.Weekly.For((IsoDayOfWeek)d)));
    }

    [Theory]
    [InlineData("9:00", "12:00", "weekly.monday[0].start")]
    [InlineData("09:00", "25:00", "weekly.monday[0].end")]
    [InlineData("24:00", "24:00", "weekly.monday[0].start")]
    [InlineData("12:00", "09:00", "weekly.monday[0].end")]
    [InlineData("09:00", "09:00", "weekly.monday[0].end")]
    [InlineData(null, "09:00", "weekly.monday[0].start")]
    [InlineData("09:00", "", "weekly.monday[0].end")]
    public void Validate_BadRange_ReportsFieldPath(string? start, string? end, string field)
    {
        Assert.Contains(field, Errors(Weekly("monday", new TimeRangeDraft(start, end))).Keys);
    }

    [Fact]
    public void Validate_OverlappingIntervals_ReportsSecondStart()
    {
        var errors = Errors(Weekly("friday", new("09:00", "12:00"), new("11:00", "13:00")));

        Assert.Equal(["Overlaps the previous interval."], errors["weekly.friday[1].start"]);
    }

    [Fact]
    public void Validate_UnsortedIntervals_ReportsSecondStart()
    {
        var errors = Errors(Weekly("friday", new("13:00", "17:00"), new("09:00", "12:00")));

        Assert.Equal(["Intervals must be sorted by start time."], errors["weekly.friday[1].start"]);
    }

    [Fact]
    public void Validate_AdjacentIntervals_Succeeds()
    {
        Assert.True(Weekly("friday", new("09:00", "12:00"), new("12:00", "13:00")).Validate().IsValid);
    }

    [Fact]
    public void Validate_UnknownDay_ReportsDay()
    {
        Assert.Contains("weekly.Monday", Errors(Weekly("Monday", new TimeRangeDraft("09:00", "10:00"))).Keys);
    }

    [Fact]
    public void Validate_DuplicateOverrideDates_ReportsSecond()
    {
        var draft = new AvailabilityDraft(null, [new DateOverrideDraft("2026-12-24", []), new DateOverrideDraft("2026-12-24", null)], null);

        Assert.Equal(["overrides[1].date"], Errors(draft).Keys);
    }

    [Theory]
    [InlineData("2026-02-30")]
    [InlineData("24.12.2026")]
    [InlineData("")]
    public void Validate_BadOverrideDate_ReportsDate(string date)
    {
        var draft = new AvailabilityDraft(null, [new DateOverrideDraft(date, [])], null);

        Assert.Equal(["overrides[0].date"], Errors(draft).Keys);
    }

    [Fact]
    public void Validate_OverrideIntervalOverlap_ReportsNestedPath()
    {
        var draft = new AvailabilityDraft(null, [new DateOverrideDraft("2026-12-24", [new("09:00", "12:00"), new("10:00", "11:00")])], null);

        Assert.Equal(["overrides[0].intervals[1].start"], Errors(draft).Keys);
    }

    [Theory]
    [InlineData("2026-12-28T00:00:00Z", "2026-12-28T00:00:00Z", "blocked[0].end")]
    [InlineData("2026-12-28T00:00:00Z", "2026-12-27T00:00:00Z", "blocked[0].end")]
    [InlineData("2026-12-28", "2026-12-29T00:00:00Z", "blocked[0].start")]
    [InlineData("2026-12-28T00:00:00Z", null, "blocked[0].end")]
    public void Validate_BadBlockedPeriod_ReportsField(string? start, string? end, string field)
    {
        var draft = new AvailabilityDraft(null, null, [new BlockedPeriodDraft(start, end, null)]);

        Assert.Equal([field], Errors(draft).Keys);
    }

    [Fact]
    public void Validate_TooManyIntervalsPerDay_Fails()
    {
        var ranges = Enumerable.Range(0, Availability.MaxIntervalsPerDay + 1)
            .Select(i => new TimeRangeDraft($"{i / 2:00}:{i % 2 * 30:00}", $"{i / 2:00}:{(i % 2 * 30) + 15:00}")).ToArray();

        Assert.Equal(["weekly.monday"], Errors(Weekly("monday", ranges)).Keys);
    }
}
