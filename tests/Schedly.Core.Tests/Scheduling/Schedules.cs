using NodaTime;
using NodaTime.Text;
using Schedly.Core.Scheduling;

namespace Schedly.Core.Tests.Scheduling;

/// <summary>Builders that keep the scheduling tests short.</summary>
internal static class Schedules
{
    public static DateTimeZone Zone(string id) => DateTimeZoneProviders.Tzdb[id];

    public static Instant At(string iso) => InstantPattern.ExtendedIso.Parse(iso).Value;

    public static LocalDate Date(string iso) => LocalDatePattern.Iso.Parse(iso).Value;

    public static LocalTimeRange Range(string start, string end)
    {
        var s = LocalTimePattern.CreateWithInvariantCulture("HH':'mm").Parse(start).Value;
        return end == "24:00"
            ? LocalTimeRange.UntilEndOfDay(s)
            : LocalTimeRange.Of(s, LocalTimePattern.CreateWithInvariantCulture("HH':'mm").Parse(end).Value);
    }

    /// <summary>The same ranges on every day of the week.</summary>
    public static Availability EveryDay(params LocalTimeRange[] ranges) =>
        new(new WeeklyHours(Enum.GetValues<IsoDayOfWeek>().Where(d => d != IsoDayOfWeek.None)
            .ToDictionary(d => d, _ => (IReadOnlyList<LocalTimeRange>)ranges)), [], []);

    /// <summary>The same ranges Monday to Friday, closed at weekends.</summary>
    public static Availability Weekdays(params LocalTimeRange[] ranges) =>
        new(new WeeklyHours(Enum.GetValues<IsoDayOfWeek>().Where(d => d is >= IsoDayOfWeek.Monday and <= IsoDayOfWeek.Friday)
            .ToDictionary(d => d, _ => (IReadOnlyList<LocalTimeRange>)ranges)), [], []);

    public static EventType Event(
        int duration = 30,
        int? interval = null,
        int before = 0,
        int after = 0,
        int notice = 0,
        int windowDays = 730,
        int? maxPerDay = null,
        bool active = true) => new()
        {
            Title = "Intro call",
            Duration = Duration.FromMinutes(duration),
            SlotInterval = Duration.FromMinutes(interval ?? duration),
            BufferBefore = Duration.FromMinutes(before),
            BufferAfter = Duration.FromMinutes(after),
            MinimumNotice = Duration.FromMinutes(notice),
            BookingWindow = new RollingBookingWindow(windowDays),
            MaxBookingsPerDay = maxPerDay,
            Active = active,
        };

    public static BusyBooking Booking(string start, int minutes, int before = 0, int after = 0, bool counts = true) =>
        new(At(start), At(start) + Duration.FromMinutes(minutes), Duration.FromMinutes(before), Duration.FromMinutes(after), counts);

    public static SlotQuery Query(string start, string end, string zone) => new(Date(start), Date(end), Zone(zone));

    public static string[] Starts(SlotDays days) =>
        days.AllStarts().Select(s => InstantPattern.ExtendedIso.Format(s)).ToArray();

    /// <summary>"date: HH:mm HH:mm" lines in the client zone, for readable assertions.</summary>
    public static string[] LocalView(SlotDays days, DateTimeZone zone) =>
        days.Select(day => day.Date.ToString("uuuu-MM-dd", null) + ": " + string.Join(" ",
            day.Select(slot => slot.Start.InZone(zone).TimeOfDay.ToString("HH':'mm", null)))).ToArray();
}
