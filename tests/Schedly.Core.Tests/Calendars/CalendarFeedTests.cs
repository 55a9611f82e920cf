using System.Net;
using NodaTime;
using Schedly.Core.Calendars;
using Schedly.Core.Scheduling;

namespace Schedly.Core.Tests.Calendars;

public sealed class CalendarFeedTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 12, 1, 12, 0);

    private static CalendarFeed CreateSut() => CalendarFeed.New("ada", "work", "Work", "v1.x", "https://calendar.example/…", Now);

    [Fact]
    public void StatusAt_NewFeed_IsNever() => Assert.Equal(CalendarFeedStatus.Never, CreateSut().StatusAt(Now));

    [Fact]
    public void Synced_ThenFailed_IsFailingAndKeepsBusyTimeFor24Hours()
    {
        var synced = CreateSut().Synced(Now, 5, 1, new FeedValidators("\"e1\"", null), "hash", []);
        var failed = synced.Failed(Now + Duration.FromHours(23), "The calendar answered HTTP 500.");

        Assert.Equal(CalendarFeedStatus.Ok, synced.StatusAt(Now));
        Assert.Equal(CalendarFeedStatus.Failing, failed.StatusAt(Now + Duration.FromHours(23)));
        Assert.Equal(5, failed.BusyCount);
        Assert.Equal(1, failed.BusyChunks);
        Assert.True(failed.KeepsBusyTime(Now + Duration.FromHours(23)));
    }

    [Fact]
    public void Failed_MoreThan24HoursAfterLastSuccess_DropsBusyTimeAndIsStale()
    {
        var synced = CreateSut().Synced(Now, 5, 1, new FeedValidators("\"e1\"", null), "hash", []);
        var later = Now + Duration.FromHours(25);
        var failed = synced.Failed(later, "timeout");

        Assert.Equal(CalendarFeedStatus.Stale, failed.StatusAt(later));
        Assert.Equal(0, failed.BusyCount);
        Assert.Equal(0, failed.BusyChunks);
        Assert.Null(failed.ContentHash);
        Assert.Equal(2, failed.Failed(later, "timeout").Failures);
    }

    [Fact]
    public void EditedAndRefreshRequested_StartANewGeneration()
    {
        var feed = CreateSut().Synced(Now, 1, 1, new FeedValidators("\"e1\"", "x"), "hash", []);

        var renamed = feed.Edited("Home", null, null, Now);
        var moved = feed.Edited("Home", "v1.y", "https://other.example/…", Now);

        Assert.Equal(2, renamed.Generation);
        Assert.Equal("hash", renamed.ContentHash);
        Assert.Equal(2, moved.Generation);
        Assert.Null(moved.ContentHash);
        Assert.Null(moved.HttpETag);
        Assert.Equal(2, feed.RefreshRequested().Generation);
    }

    [Fact]
    public void Usable_SkipsFeedsNotReadFor24Hours()
    {
        var busy = new Interval(Now, Now + Duration.FromHours(1));
        var feeds = new[]
        {
            new ImportedBusy("fresh", Now - Duration.FromHours(1), [busy]),
            new ImportedBusy("stale", Now - Duration.FromHours(24), [busy]),
            new ImportedBusy("never", null, [busy]),
        };

        Assert.Single(ImportedBusy.Usable(feeds, Now));
    }

    [Fact]
    public void WithBusy_AddsBlockedPeriods()
    {
        var busy = new Interval(Now, Now + Duration.FromHours(1));

        var availability = Availability.None.WithBusy([busy]);

        Assert.Equal(busy, Assert.Single(availability.Blocked).Interval);
        Assert.Same(Availability.None, Availability.None.WithBusy([]));
    }

    [Theory]
    [InlineData(0, 0.5, 15 * 60)]
    [InlineData(0, 0, 13.5 * 60)]
    [InlineData(1, 0.5, 60)]
    [InlineData(3, 0.5, 240)]
    [InlineData(20, 0.5, 6 * 3600)]
    public void NextRefreshDelay_RefreshesOrBacksOff(int failures, double jitter, double expectedSeconds) =>
        Assert.Equal(Duration.FromSeconds(expectedSeconds), new CalendarOptions().NextRefreshDelay(failures, jitter));

    [Fact]
    public void Validate_Defaults_AreValid() => Assert.Empty(new CalendarOptions().Validate());

    [Fact]
    public void Validate_OutOfRange_NamesEverySetting() =>
        Assert.Equal(7, new CalendarOptions { MaxFeedsPerHost = 0, TimeoutSeconds = 0, MaxBodyBytes = 1, RefreshMinutes = 0, BackoffBaseMinutes = 0, MaxBackoffHours = 0, MaxRedirects = -1 }.Validate().Count);
}

public sealed class CalendarFeedAddressTests
{
    [Theory]
    [InlineData("https://calendar.google.com/calendar/ical/x/basic.ics", false, true)]
    [InlineData("http://calendar.google.com/basic.ics", false, false)]
    [InlineData("https://127.0.0.1/basic.ics", false, false)]
    [InlineData("https://localhost/basic.ics", false, false)]
    [InlineData("http://127.0.0.1:5000/basic.ics", true, true)]
    [InlineData("http://localhost:5000/basic.ics", true, true)]
    [InlineData("http://10.0.0.1/basic.ics", true, false)]
    [InlineData("http://169.254.169.254/latest", true, false)]
    [InlineData("http://[::1]:5000/basic.ics", true, true)]
    [InlineData("ftp://example.com/basic.ics", true, false)]
    [InlineData("https://168.63.129.16/basic.ics", false, false)]
    [InlineData("https://8.8.8.8/basic.ics", false, true)]
    [InlineData("https://user:pass@example.com/basic.ics", false, false)]
    public void CheckUrl_AcceptsOnlyAllowedAddresses(string url, bool allowLocal, bool accepted) =>
        Assert.Equal(accepted, CalendarFeedAddress.CheckUrl(new Uri(url), allowLocal) is null);

    [Fact]
    public void IsAllowed_LocalRunsAllowLoopbackButNoOtherPrivateAddress()
    {
        Assert.True(CalendarFeedAddress.IsAllowed(IPAddress.Loopback, allowLocal: true));
        Assert.False(CalendarFeedAddress.IsAllowed(IPAddress.Loopback, allowLocal: false));
        Assert.False(CalendarFeedAddress.IsAllowed(IPAddress.Parse("10.0.0.1"), allowLocal: true));
        Assert.True(CalendarFeedAddress.IsAllowed(IPAddress.Parse("8.8.8.8"), allowLocal: false));
        Assert.False(CalendarFeedAddress.IsAllowed(IPAddress.Parse("168.63.129.16"), allowLocal: true));
        Assert.False(CalendarFeedAddress.IsAllowed(IPAddress.Parse("::ffff:168.63.129.16"), allowLocal: false));
    }

    [Fact]
    public void Mask_ShowsOnlySchemeAndHost() =>
        Assert.Equal("https://calendar.google.com/…", CalendarFeedAddress.Mask(new Uri("https://calendar.google.com/calendar/ical/secret/basic.ics?token=abc")));
}

public sealed class CalendarUrlProtectorTests
{
    private static CalendarUrlProtector CreateSut(string secret = "0123456789abcdef0123456789abcdef-secret") => new(secret);

    [Fact]
    public void Protect_RoundTripsAndHidesTheAddress()
    {
        var url = new Uri("https://calendar.example/private-abc123/basic.ics");

        var stored = CreateSut().Protect(url, "ada", "work");

        Assert.DoesNotContain("private-abc123", stored, StringComparison.Ordinal);
        Assert.NotEqual(stored, CreateSut().Protect(url, "ada", "work"));
        Assert.Equal(url, CreateSut().Unprotect(stored, "ada", "work"));
    }

    [Fact]
    public void Unprotect_OtherFeedOtherKeyOrGarbage_IsNull()
    {
        var stored = CreateSut().Protect(new Uri("https://calendar.example/basic.ics"), "ada", "work");

        Assert.Null(CreateSut().Unprotect(stored, "ada", "home"));
        Assert.Null(CreateSut("another-secret-another-secret-another-secret").Unprotect(stored, "ada", "work"));
        Assert.Null(CreateSut().Unprotect("v1.!!!", "ada", "work"));
        Assert.Null(CreateSut().Unprotect("", "ada", "work"));
    }
}

public sealed class CalendarFeedDraftTests
{
    [Fact]
    public void Validate_Creating_NeedsNameAndUrl()
    {
        var errors = new CalendarFeedDraft().Validate(creating: true, allowLocal: false, out _, out _);

        Assert.Equal(["name", "url"], errors.ToDictionary().Keys.Order());
    }

    [Fact]
    public void Validate_Editing_KeepsTheAddressWhenOmitted()
    {
        var errors = new CalendarFeedDraft { Name = " Home " }.Validate(creating: false, allowLocal: false, out var name, out var url);

        Assert.True(errors.IsEmpty);
        Assert.Equal("Home", name);
        Assert.Null(url);
    }

    [Fact]
    public void Validate_Webcal_IsReadAsHttps()
    {
        var errors = new CalendarFeedDraft { Name = "Work", Url = "webcal://p01-calendars.icloud.com/published/2/abc" }.Validate(true, false, out _, out var url);

        Assert.True(errors.IsEmpty);
        Assert.Equal("https", url!.Scheme);
    }

    [Fact]
    public void TryParse_Message_RoundTripsAndRejectsGarbage()
    {
        var message = new CalendarRefresh("ada", "work", 3);

        Assert.Equal(message, CalendarRefresh.TryParse(message.ToJson()));
        Assert.Null(CalendarRefresh.TryParse("{\"host\":\"ada\"}"));
        Assert.Null(CalendarRefresh.TryParse("not json"));
    }
}
