using System.Globalization;
using NodaTime;
using Schedly.Core.Bookings;

namespace Schedly.AzureStorage.Tables;

/// <summary>
/// Row keys inside a host's partition of the <c>hosts</c> table. Kinds are prefixes, so each kind
/// is one contiguous, time-sorted key range.
/// <list type="bullet">
/// <item><c>booking|{random id}</c>: one booking.</item>
/// <item><c>cell|{yyyyMMddHH}</c>: one claim cell (<see cref="ClaimCells"/>), a UTC hour of the host's time, listing every active booking whose
/// claimed span (meeting plus buffers) touches that hour. A booking writes all its cells in the
/// transaction that creates it, each conditional on the version it read, so two overlapping claims
/// (which must share an hour) can never both commit. The slot query reads its window's cells with
/// one range query.</item>
/// <item><c>bystart|{start ticks}|{random id}</c>: a copy of the booking, sorted by start, for the host's
/// booking list (one range query, paged); written in the same transaction as the booking.</item>
/// <item><c>remind|{due ticks}|{random id}|{offset}</c>: a reminder entry, written and removed with the booking
/// change; the reminder timer reads the range up to now. <c>reminded|{random id}|{offset}|{due ticks}</c>: what
/// became of it (sent, skipped, obsolete), written in the transaction that removes the entry.</item>
/// <item><c>day|{event type}|{yyyy-MM-dd}</c>: the daily-limit version stamp of an event type's host-local date.</item>
/// <item><c>outbox|{event id}</c>: an event to publish, written with the change it announces.</item>
/// <item><c>idem|{hash}</c>: the first result of an Idempotency-Key.</item>
/// <item><c>expire|{due ticks}|{random id}</c>: a pending booking's expiry entry, written in the transaction that makes
/// the booking and removed in the one that ends its wait (confirm, decline, expire, cancel); due work reads the range up
/// to now.</item>
/// </list>
/// </summary>
public static class BookingRowKeys
{
    public const string BookingPrefix = "booking|";
    public const string CellPrefix = "cell|";
    public const string ByStartPrefix = "bystart|";
    public const string ReminderPrefix = "remind|";
    public const string ReminderLogPrefix = "reminded|";
    public const string DayPrefix = "day|";
    public const string OutboxPrefix = "outbox|";
    public const string IdempotencyPrefix = "idem|";
    public const string ExpiryPrefix = "expire|";

    public static string Booking(string randomId) => BookingPrefix + randomId;

    /// <summary>Sorts by start (Unix ticks, zero-padded; times before 1970 are not bookable).</summary>
    public static string ByStart(Instant start, string randomId) =>
        ByStartPrefix + start.ToUnixTimeTicks().ToString("D19", CultureInfo.InvariantCulture) + "|" + randomId;

    /// <summary>The first <c>bystart|</c> key at or after <paramref name="instant"/>.</summary>
    public static string ByStartFrom(Instant instant) =>
        ByStartPrefix + Math.Max(0, instant.ToUnixTimeTicks()).ToString("D19", CultureInfo.InvariantCulture);

    public static string Reminder(Instant due, string randomId, int offsetMinutes) =>
        ReminderPrefix + due.ToUnixTimeTicks().ToString("D19", CultureInfo.InvariantCulture) + "|" + randomId + "|"
        + offsetMinutes.ToString(CultureInfo.InvariantCulture);

    /// <summary>The last possible reminder key due at or before <paramref name="upTo"/>.</summary>
    public static string ReminderUpTo(Instant upTo) =>
        ReminderPrefix + Math.Max(0, upTo.ToUnixTimeTicks()).ToString("D19", CultureInfo.InvariantCulture) + "|~";

    public static string ReminderLog(Instant due, string randomId, int offsetMinutes) =>
        ReminderLogPrefix + randomId + "|" + offsetMinutes.ToString(CultureInfo.InvariantCulture) + "|"
        + due.ToUnixTimeTicks().ToString("D19", CultureInfo.InvariantCulture);

    public static string Cell(Instant hourStart) =>
        CellPrefix + hourStart.ToDateTimeUtc().ToString("yyyyMMddHH", CultureInfo.InvariantCulture);

    public static string Day(string eventType, LocalDate date) =>
        DayPrefix + eventType + "|" + date.ToString("yyyy'-'MM'-'dd", CultureInfo.InvariantCulture);

    /// <summary>The host-local date a <c>day|</c> row key names, or null for a key that is not one.</summary>
    public static LocalDate? DayDate(string rowKey)
    {
        ArgumentNullException.ThrowIfNull(rowKey);
        return rowKey.StartsWith(DayPrefix, StringComparison.Ordinal) && rowKey.Length >= DayPrefix.Length + 10
            && DateOnly.TryParseExact(rowKey.AsSpan(rowKey.Length - 10), "yyyy'-'MM'-'dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? LocalDate.FromDateOnly(date)
            : null;
    }

    public static string Expiry(Instant due, string randomId) =>
        ExpiryPrefix + due.ToUnixTimeTicks().ToString("D19", CultureInfo.InvariantCulture) + "|" + randomId;

    /// <summary>The last possible expiry key due at or before <paramref name="upTo"/>.</summary>
    public static string ExpiryUpTo(Instant upTo) =>
        ExpiryPrefix + Math.Max(0, upTo.ToUnixTimeTicks()).ToString("D19", CultureInfo.InvariantCulture) + "|~";

    public static string Outbox(string eventId) => OutboxPrefix + eventId;

    public static string Idempotency(string storageId) => IdempotencyPrefix + storageId;

    /// <summary>The cell start a <c>cell|</c> row key names (the inverse of <see cref="Cell"/>).</summary>
    public static Instant CellStart(string rowKey)
    {
        ArgumentNullException.ThrowIfNull(rowKey);
        var hour = DateTime.ParseExact(rowKey.AsSpan(CellPrefix.Length), "yyyyMMddHH", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
        return Instant.FromDateTimeUtc(hour);
    }

    /// <summary>The inclusive row-key bounds of the cells touching <c>[start, end)</c>.</summary>
    public static (string From, string To) CellRange(Instant start, Instant end) =>
        (Cell(ClaimCells.Floor(start)), Cell(ClaimCells.Floor(end - Duration.Epsilon)));
}
