using BenchmarkDotNet.Attributes;
using NodaTime;
using Schedly.Core.Scheduling;
using Schedly.Core.Teams;

namespace Schedly.Benchmarks;

/// <summary>
/// Team slots for 31 days: a 5-member collective type and a 20-member round-robin type. Members work 08:00–18:00
/// Monday to Friday in their own zones (London, Lisbon, Berlin, Paris, Madrid, in turn), each with 300 + 10 × (member index) bookings of 10 minutes (+5 buffer) spread evenly over the range, a 30-minute event type at a 15-minute
/// interval, the client in America/New_York. The single-host figure of <see cref="SlotEngineBenchmarks"/> (31 days)
/// is the per-member cost to compare with.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class TeamSlotBenchmarks
{
    private static readonly string[] _zones = ["Europe/London", "Europe/Lisbon", "Europe/Berlin", "Europe/Paris", "Europe/Madrid"];
    private static readonly DateTimeZone _client = DateTimeZoneProviders.Tzdb["America/New_York"];
    private static readonly LocalDate _firstDate = new(2026, 3, 1);
    private static readonly Instant _now = Instant.FromUtc(2026, 2, 28, 12, 0);
    private static readonly DateInterval _dates = new(_firstDate, _firstDate.PlusDays(30));

    private SlotContext[] _collective = [];
    private SlotContext[] _roundRobin = [];

    [GlobalSetup]
    public void Setup()
    {
        _collective = [.. Enumerable.Range(0, 5).Select(Member)];
        _roundRobin = [.. Enumerable.Range(0, 20).Select(Member)];
        Console.WriteLine($"// collective 5: {Collective5().SlotCount} slots; round-robin 20: {RoundRobin20().SlotCount} slots");
    }

    [Benchmark]
    public SlotDays Collective5() => TeamSlots.Compute(_collective, TeamAssignment.Collective, _dates, _client, _now);

    [Benchmark]
    public SlotDays RoundRobin20() => TeamSlots.Compute(_roundRobin, TeamAssignment.RoundRobin, _dates, _client, _now);

    private static SlotContext Member(int index)
    {
        var weekly = WeekdayHours.EightToSix();
        var start = _firstDate.AtStartOfDayInZone(_client).ToInstant() + Duration.FromMinutes(7 * index);
        var spacing = Duration.FromDays(31) / (300 + (10 * index));
        var bookings = new BusyBooking[300 + (10 * index)];
        for (var i = 0; i < bookings.Length; i++)
        {
            var bookingStart = Instant.FromUnixTimeSeconds((start + (spacing * i)).ToUnixTimeSeconds() / 300 * 300);
            bookings[i] = new BusyBooking(bookingStart, bookingStart + Duration.FromMinutes(10), Duration.Zero, Duration.FromMinutes(5), false);
        }

        new Random(42 + index).Shuffle(bookings);
        var eventType = new EventType
        {
            Title = "Team call",
            Duration = Duration.FromMinutes(30),
            SlotInterval = Duration.FromMinutes(15),
            BookingWindow = new RollingBookingWindow(RollingBookingWindow.MaxDays),
        };
        return new SlotContext(DateTimeZoneProviders.Tzdb[_zones[index % _zones.Length]], new Availability(weekly, [], []), eventType, bookings);
    }
}
