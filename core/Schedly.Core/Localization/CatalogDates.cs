using System.Globalization;
using NodaTime;

namespace Schedly.Core.Localization;

/// <summary>
/// Dates and times in a catalog's language without the platform's culture data (the app runs with invariant
/// globalization): month and weekday names and the date patterns (<c>date.long</c>, <c>date.short</c>) come from the
/// catalog; times are 24-hour <c>HH:mm</c> with the zone's id beside them, unambiguous in every language.
/// </summary>
public sealed class CatalogDates(MessageCatalog catalog)
{
    /// <summary><c>Tuesday 1 December 2026</c>, <c>Dienstag, 1. Dezember 2026</c>…</summary>
    public string LongDate(LocalDate date) => Date("date.long", "date.weekdays", "date.months", date);

    /// <summary><c>Tue 1 Dec 2026</c>, <c>Di., 1. Dez. 2026</c>…</summary>
    public string ShortDate(LocalDate date) => Date("date.short", "date.weekdaysShort", "date.monthsShort", date);

    /// <summary><c>09:05</c>.</summary>
    public static string Time(LocalTime time) =>
        string.Create(CultureInfo.InvariantCulture, $"{time.Hour:00}:{time.Minute:00}");

    private string Date(string pattern, string weekdays, string months, LocalDate date)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return catalog.Text(pattern, new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["weekday"] = catalog.List(weekdays)[(int)date.DayOfWeek - 1],
            ["day"] = date.Day.ToString(CultureInfo.InvariantCulture),
            ["month"] = catalog.List(months)[date.Month - 1],
            ["year"] = date.Year.ToString(CultureInfo.InvariantCulture),
        });
    }
}
