using Schedly.Core.Scheduling;
using static Schedly.Core.Tests.Scheduling.Schedules;

namespace Schedly.Core.Tests.Scheduling;

public sealed class SlotQueryDraftTests
{
    [Fact]
    public void Validate_SixtyTwoDaysInclusive_Succeeds()
    {
        var query = new SlotQueryDraft("2026-01-01", "2026-03-03", "Asia/Kathmandu").Validate().Value;

        Assert.Equal(Date("2026-01-01"), query.Start);
        Assert.Equal(Date("2026-03-03"), query.End);
        Assert.Equal("Asia/Kathmandu", query.TimeZone.Id);
    }

    [Fact]
    public void Validate_SameDay_Succeeds()
    {
        Assert.True(new SlotQueryDraft("2026-01-01", "2026-01-01", "UTC").Validate().IsValid);
    }

    [Theory]
    [InlineData("2026-01-01", "2026-03-04", "UTC", "end")]
    [InlineData("2026-01-02", "2026-01-01", "UTC", "end")]
    [InlineData("2026-1-1", "2026-01-01", "UTC", "start")]
    [InlineData(null, "2026-01-01", "UTC", "start")]
    [InlineData("2026-01-01", "2026-01-01", "Mars/Olympus", "timeZone")]
    [InlineData("2026-01-01", "2026-01-01", "europe/london", "timeZone")]
    [InlineData("2026-01-01", "2026-01-01", null, "timeZone")]
    public void Validate_Invalid_ReportsField(string? start, string? end, string? zone, string field)
    {
        var result = new SlotQueryDraft(start, end, zone).Validate();

        Assert.False(result.IsValid);
        Assert.Equal([field], result.Errors.ToDictionary().Keys);
    }
}
