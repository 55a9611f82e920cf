using System.Text.Json;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using MimeKit;

namespace Schedly.Soak;

/// <summary>
/// Everything the checker looks at, read straight from storage (not through the app): the <c>hosts</c> table's rows
/// by kind, the queues and their poison queues, and the pickup folder's messages (parsed as MIME).
/// </summary>
public sealed class StorageSnapshot
{
    private IReadOnlyDictionary<(string Booking, int Sequence, int Offset), int>? _reminderEmails;

    public static readonly IReadOnlyList<string> Queues = ["outbox-guard", "booking-events", "reminders", "analytics", "emails", "webhooks"];

    public required IReadOnlyList<StoredBooking> Bookings { get; init; }

    /// <summary>Per cell row: host, UTC hour (yyyyMMddHH) and the spans it lists.</summary>
    public required IReadOnlyList<StoredCell> Cells { get; init; }

    /// <summary>Outbox rows still there (the fan-out deletes each once it has handled the event, or else its guard).</summary>
    public required IReadOnlyList<string> OutboxRows { get; init; }

    /// <summary><c>remind|</c> entries still waiting: host, due.</summary>
    public required IReadOnlyList<(string Host, DateTimeOffset Due, string RowKey)> ReminderEntries { get; init; }

    /// <summary><c>reminded|</c> outcomes: host, booking random id, offset, due, outcome.</summary>
    public required IReadOnlyList<ReminderRecord> ReminderRecords { get; init; }

    /// <summary>Messages per queue name (poison queues included), as the queue reports them.</summary>
    public required IReadOnlyDictionary<string, int> QueueDepths { get; init; }

    /// <summary>The poison queues' messages (text), to explain them.</summary>
    public required IReadOnlyList<string> PoisonMessages { get; init; }

    public required IReadOnlyList<StoredEmail> Emails { get; init; }

    /// <summary>Hidden temporary files a fault interrupted (never read as messages).</summary>
    public required int InterruptedMailWrites { get; init; }

    /// <summary>Reminder emails (<c>{booking}.reminder.{recipient}.{sequence}.r{offset}</c>) per booking id, sequence and offset.</summary>
    public IReadOnlyDictionary<(string Booking, int Sequence, int Offset), int> ReminderEmails => _reminderEmails ??= Emails
        .Where(e => e.Stem.Contains(".reminder.", StringComparison.Ordinal))
        .Select(e => e.Stem.Split('.'))
        .GroupBy(parts => (parts[0], int.Parse(parts[3], System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(parts[4][1..], System.Globalization.CultureInfo.InvariantCulture)))
        .ToDictionary(g => g.Key, g => g.Count());

    /// <summary>Reminder emails no <c>reminded|</c> row records as sent (in flight, or sent twice by mistake).</summary>
    /// <remarks>
    /// Not counted: a reminder email of an earlier sequence of a booking that was cancelled or moved since. The reminder
    /// was on its way when the change came; the change removed its entry in the same transaction, so the sender could
    /// not complete the entry and no outcome row records it (see docs/RELIABILITY.md). <see cref="RemindersOvertaken"/>
    /// counts them.
    /// </remarks>
    public IReadOnlyList<(string Booking, int Offset)> ReminderEmailsWithoutRecord() =>
        UnrecordedReminderEmails().Where(k => !Overtaken(k)).Select(k => (k.Booking, k.Offset)).Distinct().ToList();

    /// <summary>Reminder emails without an outcome row whose booking changed after them (see <see cref="ReminderEmailsWithoutRecord"/>).</summary>
    public int RemindersOvertaken => UnrecordedReminderEmails().Where(Overtaken).Select(k => (k.Booking, k.Offset)).Distinct().Count();

    private IEnumerable<(string Booking, int Sequence, int Offset)> UnrecordedReminderEmails()
    {
        var sent = ReminderRecords.Where(r => r.Outcome == "Sent").Select(r => ($"{r.Host}--{r.RandomId}", r.OffsetMinutes)).ToHashSet();
        return ReminderEmails.Keys.Where(k => !sent.Contains((k.Booking, k.Offset)));
    }

    private bool Overtaken((string Booking, int Sequence, int Offset) email) =>
        Bookings.FirstOrDefault(b => b.Id == email.Booking) is { } booking && booking.Sequence > email.Sequence;

    /// <param name="connectionString">The Azurite the soak ran against.</param>
    /// <param name="mailFolder">The pickup folder the runner wrote its emails to.</param>
    /// <param name="parseMessages">
    /// Whether to parse each <c>.eml</c> as MIME (its Message-Id and To). The drain's polls need only the file names; the
    /// final snapshot the checker reads parses them all.
    /// </param>
    public static async Task<StorageSnapshot> ReadAsync(string connectionString, string mailFolder, bool parseMessages = true)
    {
        var table = new TableClient(connectionString, "hosts");
        var bookings = new List<StoredBooking>();
        var cells = new List<StoredCell>();
        var outbox = new List<string>();
        var reminders = new List<(string, DateTimeOffset, string)>();
        var records = new List<ReminderRecord>();
        await foreach (var row in table.QueryAsync<TableEntity>())
        {
            var key = row.RowKey;
            if (key.StartsWith("booking|", StringComparison.Ordinal))
            {
                bookings.Add(StoredBooking.From(row));
            }
            else if (key.StartsWith("cell|", StringComparison.Ordinal))
            {
                cells.Add(new StoredCell(row.PartitionKey, key["cell|".Length..], CellSpan.Parse(row.GetString("Spans"))));
            }
            else if (key.StartsWith("outbox|", StringComparison.Ordinal))
            {
                outbox.Add(row.PartitionKey + "/" + key);
            }
            else if (key.StartsWith("remind|", StringComparison.Ordinal))
            {
                var ticks = long.Parse(key.Split('|')[1], System.Globalization.CultureInfo.InvariantCulture);
                reminders.Add((row.PartitionKey, DateTimeOffset.UnixEpoch.AddTicks(ticks), key));
            }
            else if (key.StartsWith("reminded|", StringComparison.Ordinal))
            {
                var parts = key.Split('|');
                records.Add(new ReminderRecord(row.PartitionKey, parts[1], int.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture),
                    DateTimeOffset.UnixEpoch.AddTicks(long.Parse(parts[3], System.Globalization.CultureInfo.InvariantCulture)), row.GetString("Outcome")));
            }
        }

        var depths = new Dictionary<string, int>(StringComparer.Ordinal);
        var poison = new List<string>();
        foreach (var name in Queues.SelectMany(q => new[] { q, q + "-poison" }))
        {
            var queue = new QueueClient(connectionString, name);
            if (!await queue.ExistsAsync())
            {
                depths[name] = 0;
                continue;
            }

            depths[name] = (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount;
            if (name.EndsWith("-poison", StringComparison.Ordinal) && depths[name] > 0)
            {
                poison.AddRange((await queue.PeekMessagesAsync(32)).Value.Select(m => $"{name}: {m.Body}"));
            }
        }

        var emails = new List<StoredEmail>();
        var interrupted = 0;
        foreach (var file in Directory.Exists(mailFolder) ? Directory.EnumerateFiles(mailFolder) : [])
        {
            var name = Path.GetFileName(file);
            if (name.StartsWith('.'))
            {
                interrupted++;
                continue;
            }

            var stem = Path.GetFileNameWithoutExtension(name);
            if (!parseMessages)
            {
                emails.Add(new StoredEmail(stem, "", []));
                continue;
            }

            var message = await MimeMessage.LoadAsync(file);
            emails.Add(new StoredEmail(stem, message.MessageId ?? "", message.To.Mailboxes.Select(m => m.Address).ToList()));
        }

        return new StorageSnapshot
        {
            Bookings = bookings,
            Cells = cells,
            OutboxRows = outbox,
            ReminderEntries = reminders,
            ReminderRecords = records,
            QueueDepths = depths,
            PoisonMessages = poison,
            Emails = emails,
            InterruptedMailWrites = interrupted,
        };
    }
}

/// <summary>A <c>booking|</c> row as stored.</summary>
public sealed record StoredBooking(
    string Host, string RandomId, string EventType, DateTimeOffset Start, DateTimeOffset End, int BufferBeforeMinutes, int BufferAfterMinutes,
    bool Confirmed, bool NoShow, int Sequence, string ClientEmail, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string? PriceAmount, string? PriceCurrency,
    IReadOnlyList<int> ReminderOffsets)
{
    public string Id => $"{Host}--{RandomId}";

    public DateTimeOffset ClaimStart => Start.AddMinutes(-BufferBeforeMinutes);

    public DateTimeOffset ClaimEnd => End.AddMinutes(BufferAfterMinutes);

    public static StoredBooking From(TableEntity row) => new(
        row.PartitionKey,
        row.RowKey["booking|".Length..],
        row.GetString("EventType"),
        row.GetDateTimeOffset("Start")!.Value,
        row.GetDateTimeOffset("End")!.Value,
        row.GetInt32("BufferBeforeMinutes") ?? 0,
        row.GetInt32("BufferAfterMinutes") ?? 0,
        row.GetString("Status") == "Confirmed",
        row.GetBoolean("NoShow") ?? false,
        row.GetInt32("Sequence") ?? 0,
        row.GetString("ClientEmail"),
        row.GetDateTimeOffset("CreatedAt")!.Value,
        row.GetDateTimeOffset("UpdatedAt")!.Value,
        row.GetString("PriceAmount"),
        row.GetString("PriceCurrency"),
        (row.GetString("ReminderOffsets") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(o => int.Parse(o, System.Globalization.CultureInfo.InvariantCulture)).ToList());
}

/// <summary>A <c>cell|{yyyyMMddHH}</c> row: the UTC hour and the claimed spans it lists.</summary>
public sealed record StoredCell(string Host, string Hour, IReadOnlyList<CellSpan> Spans)
{
    public DateTimeOffset HourStart => DateTimeOffset.ParseExact(Hour, "yyyyMMddHH", System.Globalization.CultureInfo.InvariantCulture,
        System.Globalization.DateTimeStyles.AssumeUniversal | System.Globalization.DateTimeStyles.AdjustToUniversal);
}

/// <summary>One span in a cell's <c>Spans</c> JSON (<c>id, et, s, e, bb, ba</c>; seconds and minutes).</summary>
public sealed record CellSpan(string Id, DateTimeOffset ClaimStart, DateTimeOffset ClaimEnd)
{
    public static IReadOnlyList<CellSpan> Parse(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return [];
        }

        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateArray().Select(s => new CellSpan(
            s.GetProperty("id").GetString()!,
            DateTimeOffset.FromUnixTimeSeconds(s.GetProperty("s").GetInt64()).AddMinutes(-s.GetProperty("bb").GetInt32()),
            DateTimeOffset.FromUnixTimeSeconds(s.GetProperty("e").GetInt64()).AddMinutes(s.GetProperty("ba").GetInt32()))).ToList();
    }
}

/// <summary>A <c>reminded|</c> row.</summary>
public sealed record ReminderRecord(string Host, string RandomId, int OffsetMinutes, DateTimeOffset Due, string Outcome);

/// <summary>An <c>.eml</c> file of the pickup folder: its file stem, Message-Id header and To addresses.</summary>
public sealed record StoredEmail(string Stem, string MessageId, IReadOnlyList<string> To);
