using NodaTime;

namespace Schedly.Core.Scheduling;

/// <summary>
/// A half-open range of local times within one day, <c>[Start, End)</c>, in the host's zone.
/// The end may be the end of the day ("24:00"), which is the next day's midnight.
/// The range is never empty: <c>Start</c> is strictly before <c>End</c>.
/// </summary>
public sealed record LocalTimeRange
{
    private LocalTimeRange(LocalTime start, LocalTime end, bool endsAtEndOfDay)
    {
        Start = start;
        End = end;
        EndsAtEndOfDay = endsAtEndOfDay;
    }

    /// <summary>The first local time covered (inclusive).</summary>
    public LocalTime Start { get; }

    /// <summary>
    /// The first local time no longer covered (exclusive). <see cref="LocalTime.Midnight"/> when
    /// <see cref="EndsAtEndOfDay"/> is true.
    /// </summary>
    public LocalTime End { get; }

    /// <summary>True when the range runs to the end of the day ("24:00").</summary>
    public bool EndsAtEndOfDay { get; }

    /// <summary>The start as text, <c>HH:mm</c> (the form the API and storage use).</summary>
    public string StartText => Start.ToString("HH':'mm", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The end as text, <c>HH:mm</c>, or <c>24:00</c> when the range runs to the end of the day.</summary>
    public string EndText => EndsAtEndOfDay ? "24:00" : End.ToString("HH':'mm", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The start as nanoseconds since midnight.</summary>
    public long StartNanosecondOfDay => Start.NanosecondOfDay;

    /// <summary>The end as nanoseconds since midnight; a whole day when the range ends at 24:00.</summary>
    public long EndNanosecondOfDay => EndsAtEndOfDay ? NodaConstants.NanosecondsPerDay : End.NanosecondOfDay;

    /// <summary>A range that ends within the same day; <paramref name="end"/> must be after <paramref name="start"/>.</summary>
    public static LocalTimeRange Of(LocalTime start, LocalTime end)
    {
        if (end <= start)
        {
            throw new ArgumentException("The end must be after the start.", nameof(end));
        }

        return new LocalTimeRange(start, end, endsAtEndOfDay: false);
    }

    /// <summary>A range from <paramref name="start"/> to the end of the day ("24:00").</summary>
    public static LocalTimeRange UntilEndOfDay(LocalTime start) => new(start, LocalTime.Midnight, endsAtEndOfDay: true);

    /// <summary>
    /// The instants this range covers on <paramref name="date"/> in <paramref name="zone"/>, by the DST rule in
    /// <see cref="DstResolvers"/>: the start resolves with <see cref="DstResolvers.IntervalStart"/>, the end with
    /// <see cref="DstResolvers.IntervalEnd"/>. The result may be empty when the whole range falls in a gap.
    /// </summary>
    public (Instant Start, Instant End) ToInstants(LocalDate date, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var start = date.At(Start).InZone(zone, DstResolvers.IntervalStart).ToInstant();
        var endLocal = EndsAtEndOfDay ? date.PlusDays(1).AtMidnight() : date.At(End);
        var end = endLocal.InZone(zone, DstResolvers.IntervalEnd).ToInstant();
        return (start, end);
    }

    public override string ToString() => $"{StartText}–{EndText}";
}
