using BenchmarkDotNet.Attributes;
using NodaTime;
using Schedly.Core.Scheduling;

namespace Schedly.Benchmarks;

/// <summary>
/// The slot engine on a busy host: weekly hours 08:00–18:00 Monday to Friday (Europe/London, across the 2026-03-29
/// spring-forward), a 15-minute event type at a 15-minute interval with a daily limit, the client in
/// America/New_York, and bookings of 10 minutes (+5 minutes buffer after, from another event type) spread evenly
/// over the whole range, so that about half the candidate starts are blocked.
/// Two sizes side by side: 31 days with 1,000 bookings, and 365 days with 10,000 bookings.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class SlotEngineBenchmarks
{
    private static readonly DateTimeZone _host = DateTimeZoneProviders.Tzdb["Europe/London"];
    private static readonly DateTimeZone _client = DateTimeZoneProviders.Tzdb["America/New_York"];
    private static readonly LocalDate _firstDate = new(2026, 3, 1);
    private static readonly Instant _now = Instant.FromUtc(2026, 2, 28, 12, 0);

    private SlotContext _context = null!;
    private DateInterval _dates = null!;
    private Instant _probe;

    /// <summary>Days in the query and bookings in range, as "days/bookings".</summary>
    [Params("31/1000", "365/10000")]
    public string Size { get; set; } = "31/1000";

    [GlobalSetup]
    public void Setup()
    {
        var parts = Size.Split('/');
        var days = int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture);
        var bookingCount = int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
        _dates = new DateInterval(_firstDate, _firstDate.PlusDays(days - 1));

        var weekly = WeekdayHours.EightToSix();

        var start = _firstDate.AtStartOfDayInZone(_client).ToInstant();
        var spacing = Duration.FromDays(days) / bookingCount;
        var bookings = new BusyBooking[bookingCount];
        for (var i = 0; i < bookingCount; i++)
        {
            var bookingStart = Instant.FromUnixTimeSeconds((start + (spacing * i)).ToUnixTimeSeconds() / 300 * 300);
            bookings[i] = new BusyBooking(bookingStart, bookingStart + Duration.FromMinutes(10), Duration.Zero, Duration.FromMinutes(5), i % 3 == 0);
        }

        // Storage returns bookings in any order; shuffle deterministically.
        new Random(42).Shuffle(bookings);

        var eventType = new EventType
        {
            Title = "Consultation",
            Duration = Duration.FromMinutes(15),
            SlotInterval = Duration.FromMinutes(15),
            BookingWindow = new RollingBookingWindow(RollingBookingWindow.MaxDays),
            MaxBookingsPerDay = 40,
        };
        _context = new SlotContext(_host, new Availability(weekly, [], []), eventType, bookings);
        var slots = SlotEngine.Compute(_context, _dates, _client, _now);
        _probe = slots.AllStarts().Skip(slots.SlotCount / 2).First();
        Console.WriteLine($"// {Size}: {slots.SlotCount} slots on {slots.Count} client days");
    }

    [Benchmark(Baseline = true)]
    public SlotDays Compute() => SlotEngine.Compute(_context, _dates, _client, _now);

    [Benchmark]
    public bool IsOffered() => SlotEngine.IsOffered(_context, _probe, _now);
}
