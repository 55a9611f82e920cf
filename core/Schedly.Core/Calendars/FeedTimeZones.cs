using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using NodaTime;
using NodaTime.TimeZones;
using TimeZoneConverter;

namespace Schedly.Core.Calendars;

/// <summary>
/// Turns a feed's date-time values into instants. A TZID is tried, in order, as an IANA id in NodaTime's TZDB, as a
/// Windows id (Outlook: "W. Europe Standard Time") mapped to IANA by TimeZoneConverter, as a mozilla-style path
/// ending in an IANA id, and as the TZID of one of the feed's own VTIMEZONEs (see <see cref="VTimeZoneZone"/>).
/// A TZID that is none of these is read in the host zone and reported. Floating times are read in the host zone.
/// </summary>
internal sealed class FeedTimeZones(IEnumerable<VTimeZone> definitions, DateTimeZone hostZone, Interval window)
{
    /// <summary>
    /// RFC 5545 §3.3.5, for every local date-time in a feed (starts, ends, EXDATEs, RECURRENCE-IDs): in a gap it means
    /// the same time with the offset before the gap (shifted forward by the gap); an ambiguous time means its first
    /// occurrence. One rule for all, so DTEND equal to DTSTART is always zero length.
    /// </summary>
    public static readonly ZoneLocalMappingResolver Resolver = Resolvers.LenientResolver;

    private readonly Dictionary<string, VTimeZone> _definitions = definitions
        .Where(d => !string.IsNullOrEmpty(d.TzId))
        .GroupBy(d => d.TzId!, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

    private readonly Dictionary<string, DateTimeZone?> _resolved = new(StringComparer.Ordinal);
    private readonly SortedSet<string> _unknown = new(StringComparer.Ordinal);

    public DateTimeZone HostZone => hostZone;

    public IReadOnlyList<string> Unknown => [.. _unknown];

    /// <summary>The zone a date-time value is read in: UTC, the host zone for floating values, or its TZID's zone.</summary>
    public DateTimeZone ZoneOf(CalDateTime value)
    {
        if (value.IsUtc)
        {
            return DateTimeZone.Utc;
        }

        if (string.IsNullOrWhiteSpace(value.TzId))
        {
            return hostZone;
        }

        var tzId = value.TzId;
        if (!_resolved.TryGetValue(tzId, out var zone))
        {
            zone = Resolve(tzId);
            _resolved[tzId] = zone;
        }

        if (zone is null)
        {
            _unknown.Add(Printable(tzId));
            return hostZone;
        }

        return zone;
    }

    public static LocalDateTime LocalOf(CalDateTime value)
    {
        var v = value.Value;
        return new LocalDateTime(v.Year, v.Month, v.Day, v.Hour, v.Minute, v.Second);
    }

    public static LocalDate DateOf(CalDateTime value) => new(value.Value.Year, value.Value.Month, value.Value.Day);

    public Instant StartInstant(CalDateTime value) => ZoneOf(value).ResolveLocal(LocalOf(value), Resolver).ToInstant();

    private DateTimeZone? Resolve(string tzId)
    {
        var id = tzId.Trim().Trim('"');
        if (DateTimeZoneProviders.Tzdb.GetZoneOrNull(id) is { } iana)
        {
            return iana;
        }

        if (TZConvert.TryWindowsToIana(id, out var mapped) && DateTimeZoneProviders.Tzdb.GetZoneOrNull(mapped) is { } windows)
        {
            return windows;
        }

        if (id.StartsWith('/') && MozillaSuffix(id) is { } suffixed)
        {
            return suffixed;
        }

        return _definitions.TryGetValue(tzId, out var definition) ? VTimeZoneZone.TryCreate(definition, window) : null;
    }

    /// <summary>"/mozilla.org/20050126_1/Europe/Berlin" and similar: the longest suffix that is an IANA id.</summary>
    private static DateTimeZone? MozillaSuffix(string id)
    {
        var parts = id.Split('/', StringSplitOptions.RemoveEmptyEntries);
        for (var skip = 0; skip < parts.Length; skip++)
        {
            if (DateTimeZoneProviders.Tzdb.GetZoneOrNull(string.Join('/', parts.Skip(skip))) is { } zone)
            {
                return zone;
            }
        }

        return null;
    }

    private static string Printable(string tzId)
    {
        var clean = new string(tzId.Where(c => !char.IsControl(c)).Take(64).ToArray());
        return clean.Length == 0 ? "(blank)" : clean;
    }
}
