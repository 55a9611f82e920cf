using Azure.Data.Tables;
using NodaTime;
using Schedly.AzureStorage.Tables;
using Schedly.Core.Hosts;
using Schedly.Core.Scheduling;
using Schedly.Core.Security;
using Schedly.IntegrationTests.Infrastructure;

namespace Schedly.IntegrationTests.Storage;

/// <summary>
/// The schedule is stored as a versioned document and read leniently: a row written by an earlier release (the
/// validated drafts, no version column) still reads, and a stored value that today's input rules would refuse
/// does not make the host unreadable.
/// </summary>
[Collection(SchedlyAppCollection.Name)]
public sealed class ScheduleDocumentTests(SchedlyAppFixture app)
{
    [Fact]
    public async Task FindAsync_VersionOneRowWithValuesTodaysRulesRefuse_ReadsTheSchedule()
    {
        var tables = new TableServiceClient(app.Azurite.ConnectionString);
        var slug = HostSlug.Parse(SchedlyAppFixture.UniqueSlug("legacy"));
        var longTitle = new string('T', EventType.MaxTitleLength + 50);
        await tables.GetTableClient(SchedlyTables.Hosts).AddEntityAsync(new TableEntity(slug.Value, SchedlyTables.ProfileRowKey)
        {
            ["Name"] = "Ada",
            ["Email"] = "ada@example.com",
            ["TimeZone"] = "Europe/London",
            ["ApiKeyHash"] = ApiKeyHash.Of("sk_unused").Hex,
            ["ApiKeyId"] = "unused",
            ["CreatedAt"] = DateTimeOffset.UtcNow,
            ["UpdatedAt"] = DateTimeOffset.UtcNow,
            ["Availability"] = """{"weekly":{"monday":[{"start":"09:00","end":"12:00"},{"start":"13:00","end":"24:00"}]},"overrides":null,"blocked":[{"start":"2026-12-28T00:00:00Z","end":"2027-01-02T00:00:00Z","reason":"holidays"}]}""",
            ["EventTypes"] = """{"intro":{"title":"TITLE","durationMinutes":45,"bufferAfterMinutes":10,"price":{"amount":"50.00","currency":"EUR"},"reminderOffsetsMinutes":[60],"active":true,"retiredField":1}}""".Replace("TITLE", longTitle, StringComparison.Ordinal),
        });

        var host = await new TableHostRepository(tables).FindAsync(slug, CancellationToken.None);

        var schedule = host!.Value.Schedule;
        Assert.Equal(["09:00–12:00", "13:00–24:00"], schedule.Availability.Weekly.For(IsoDayOfWeek.Monday).Select(r => r.ToString()));
        Assert.Empty(schedule.Availability.Weekly.For(IsoDayOfWeek.Tuesday));
        Assert.Equal("holidays", Assert.Single(schedule.Availability.Blocked).Reason);
        var intro = schedule.FindEventType("intro")!;
        Assert.Equal(longTitle, intro.Title);
        Assert.Equal((Duration.FromMinutes(45), Duration.FromMinutes(45), Duration.FromMinutes(10)), (intro.Duration, intro.SlotInterval, intro.BufferAfter));
        Assert.Equal(50.00m, intro.Price!.Amount);
        Assert.Equal([60], intro.ReminderOffsetsMinutes);
    }

    [Fact]
    public async Task TryUpdateAsync_ThenFindAsync_RoundTripsTheModels()
    {
        var tables = new TableServiceClient(app.Azurite.ConnectionString);
        var hosts = new TableHostRepository(tables);
        var slug = HostSlug.Parse(SchedlyAppFixture.UniqueSlug("roundtrip"));
        var now = SystemClock.Instance.GetCurrentInstant();
        var availability = new AvailabilityDraft(
            new Dictionary<string, IReadOnlyList<TimeRangeDraft?>?> { ["friday"] = [new("08:30", "17:00")] },
            [new DateOverrideDraft("2026-12-24", [])],
            null).Validate().Value;
        var type = new EventTypeDraft { Title = "Fixed", BookingWindowStart = "2027-01-04", BookingWindowEnd = "2027-01-08", MaxBookingsPerDay = 3 }.Validate().Value;
        await hosts.TryCreateAsync(new Host(slug, new HostProfile("Ada", "ada@example.com", DateTimeZone.Utc), ApiKeyHash.Of("sk_x"), now, now)
        {
            Schedule = new HostSchedule(availability, new Dictionary<string, EventType>()).WithEventType("fixed", type),
        }, CancellationToken.None);

        var read = (await hosts.FindAsync(slug, CancellationToken.None))!.Value.Schedule;

        Assert.Equal(["08:30–17:00"], read.Availability.Weekly.For(IsoDayOfWeek.Friday).Select(r => r.ToString()));
        Assert.True(Assert.Single(read.Availability.Overrides).IsClosed);
        Assert.Equal(type, read.FindEventType("fixed")! with { ReminderOffsetsMinutes = type.ReminderOffsetsMinutes, DurationOptions = type.DurationOptions, Questions = type.Questions });
        Assert.Equal(type.ReminderOffsetsMinutes, read.FindEventType("fixed")!.ReminderOffsetsMinutes);
    }

    [Fact]
    public async Task TryUpdateAsync_ThenFindAsync_RoundTripsLocationLengthsQuestionsAndPolicy()
    {
        var hosts = new TableHostRepository(new TableServiceClient(app.Azurite.ConnectionString));
        var slug = HostSlug.Parse(SchedlyAppFixture.UniqueSlug("roundtrip2"));
        var now = SystemClock.Instance.GetCurrentInstant();
        var type = new EventTypeDraft
        {
            Title = "Consult",
            Price = new PriceDraft("50.00", "EUR"),
            Location = new Schedly.Core.Locations.LocationDraft { Kind = "phone", Phone = "+442079460958" },
            DurationOptions = [new DurationOptionDraft(30, null), new DurationOptionDraft(60, new PriceDraft("90.00", "EUR"))],
            Questions = [new Schedly.Core.Questions.BookingQuestionDraft { Id = "topic", Label = "Topic", Type = "multiSelect", Required = true, Options = [new("a", "A"), new("b", "B")] }],
            ClientPolicy = new ClientPolicyDraft(1440, null, 2),
        }.Validate().Value;
        await hosts.TryCreateAsync(new Host(slug, new HostProfile("Ada", "ada@example.com", DateTimeZone.Utc), ApiKeyHash.Of("sk_x"), now, now)
        {
            Schedule = new HostSchedule(Availability.None, new Dictionary<string, EventType>()).WithEventType("consult", type),
        }, CancellationToken.None);

        var read = (await hosts.FindAsync(slug, CancellationToken.None))!.Value.Schedule.FindEventType("consult")!;

        Assert.Equal(type.Location, read.Location);
        Assert.Equal(type.ClientPolicy, read.ClientPolicy);
        Assert.Equal(type.DurationOptions, read.DurationOptions);
        var question = Assert.Single(read.Questions);
        Assert.Equal(("topic", "Topic", true), (question.Id, question.Label, question.Required));
        Assert.Equal(type.Questions[0].Options, question.Options);
    }
}
