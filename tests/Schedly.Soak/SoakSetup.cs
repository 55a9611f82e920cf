namespace Schedly.Soak;

/// <summary>An event type of the soak and what the workload does with it.</summary>
public sealed record SoakEventType(string Slug, object Definition);

/// <summary>A webhook endpoint of a soak host; <see cref="Events"/> null means every event type.</summary>
public sealed record SoakEndpoint(string Id, IReadOnlyList<string>? Events, string Secret)
{
    public bool Subscribes(string type) => Events is null || Events.Contains(type);
}

/// <summary>A host of the soak: open around the clock, three event types, up to two webhook endpoints.</summary>
public sealed record SoakHost(string Slug, string TimeZone, string Email, string Currency, IReadOnlyList<SoakEndpoint> Endpoints)
{
    public string ApiKey { get; set; } = "";

    /// <summary>How far ahead consultations and workshops can be booked: clients spread over it, crowding the near days.</summary>
    public const int BookingWindowDays = 120;

    /// <summary>
    /// <c>consult</c> and <c>workshop</c>: the hours clients compete for (buffers, a daily limit, prices);
    /// <c>soon</c>: one-minute meetings starting within minutes, so reminders fall due and no-shows can be marked during
    /// the run.
    /// </summary>
    public IReadOnlyList<SoakEventType> EventTypes => [
        new("consult", new
        {
            title = "Consultation", durationMinutes = 30, slotIntervalMinutes = 15, bufferBeforeMinutes = 5, bufferAfterMinutes = 10, bookingWindowDays = BookingWindowDays,
            price = new { amount = "40.00", currency = Currency }, reminderOffsetsMinutes = new[] { 1440, 60 },
        }),
        new("workshop", new
        {
            title = "Workshop", durationMinutes = 90, slotIntervalMinutes = 30, maxBookingsPerDay = 4, bookingWindowDays = BookingWindowDays,
            price = new { amount = "120.00", currency = Currency }, reminderOffsetsMinutes = new[] { 60 },
        }),
        new("soon", new { title = "Quick check", durationMinutes = 1, slotIntervalMinutes = 1, reminderOffsetsMinutes = new[] { 2, 1 } }),
    ];

    public static IReadOnlyList<SoakHost> All() =>
    [
        new("soak-paris", "Europe/Paris", "paris@soak.example", "EUR",
            [new("crm", null, Secret("crm")), new("audit", ["booking.created", "booking.cancelled"], Secret("audit"))]),
        new("soak-ny", "America/New_York", "ny@soak.example", "USD", [new("crm", null, Secret("ny"))]),
        new("soak-tokyo", "Asia/Tokyo", "tokyo@soak.example", "USD", [new("crm", ["booking.created", "booking.rescheduled", "booking.cancelled"], Secret("tokyo"))]),
        new("soak-sydney", "Australia/Sydney", "sydney@soak.example", "AUD", []),
    ];

    /// <summary>Weekly hours open every day, all day, with the given dates closed.</summary>
    public static object Availability(IEnumerable<DateOnly> closed) => new
    {
        weekly = new[] { "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday" }
            .ToDictionary(d => d, _ => new object[] { new { start = "00:00", end = "24:00" } }),
        overrides = closed.Select(d => new { date = d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), intervals = Array.Empty<object>() }).ToArray(),
    };

    /// <summary>Creates the host, its availability, event types and webhook endpoints (idempotent PUTs).</summary>
    public async Task CreateAsync(SoakHttp http, string operatorKey, Uri receiver)
    {
        ArgumentNullException.ThrowIfNull(http);
        var created = await Expect(http.SendAsync("setup", HttpMethod.Put, $"api/admin/hosts/{Slug}",
            new { name = "Soak " + Slug, email = Email, timeZone = TimeZone }, operatorKey));
        ApiKey = created.String("apiKey");
        await Expect(http.SendAsync("setup", HttpMethod.Put, $"api/admin/hosts/{Slug}/availability", Availability([]), ApiKey));
        foreach (var type in EventTypes)
        {
            await Expect(http.SendAsync("setup", HttpMethod.Put, $"api/admin/hosts/{Slug}/event-types/{type.Slug}", type.Definition, ApiKey));
        }

        foreach (var endpoint in Endpoints)
        {
            await Expect(http.SendAsync("setup", HttpMethod.Put, $"api/admin/hosts/{Slug}/webhooks/{endpoint.Id}", new
            {
                url = new Uri(receiver, $"hooks/{ReceiverPath(endpoint)}").AbsoluteUri,
                events = endpoint.Events ?? ["booking.created", "booking.rescheduled", "booking.cancelled", "booking.no_show"],
                secret = endpoint.Secret,
            }, ApiKey));
        }
    }

    /// <summary>The receiver path segment of an endpoint: <c>{host}.{endpoint}</c>.</summary>
    public string ReceiverPath(SoakEndpoint endpoint) => $"{Slug}.{endpoint?.Id}";

    private static string Secret(string name) => $"soak-{name}-secret-0123456789abcdefghijklmnop";

    private static async Task<ApiResult> Expect(Task<ApiResult> request)
    {
        var result = await request;
        return result.Success ? result : throw new InvalidOperationException($"Soak setup request failed with {result.Status}: {result.Body}");
    }
}
