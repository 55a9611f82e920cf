using Schedly.Soak;

namespace Schedly.Soak.Tests;

/// <summary>The checker is not vacuous: a consistent snapshot passes, and each kind of damage is caught.</summary>
public sealed class InvariantCheckerTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);
    private static readonly SoakHost Paris = SoakHost.All()[0];

    [Fact]
    public void ConsistentSnapshot_HoldsEveryInvariant()
    {
        var (storage, seen) = Consistent();

        var invariants = InvariantChecker.Check(storage, seen);

        Assert.All(invariants, i => Assert.True(i.Holds, $"{i.Statement}: {string.Join("; ", i.Violations)}"));
    }

    [Fact]
    public void OverlappingBookings_AreCaught()
    {
        var (storage, seen) = Consistent(second: Booking("b2", Start.AddMinutes(20)));

        Assert.False(Find(InvariantChecker.Check(storage, seen), "overlap").Holds);
    }

    [Fact]
    public void CellClaimingForAMissingBooking_IsCaught()
    {
        var (storage, seen) = Consistent();
        storage = With(storage, cells: [.. storage.Cells, new StoredCell(Paris.Slug, "2026120112", [new CellSpan("ghost", Start.AddHours(2), Start.AddHours(2.5))])]);

        Assert.Contains("ghost", string.Join(" ", Find(InvariantChecker.Check(storage, seen), "claimed cell").Violations), StringComparison.Ordinal);
    }

    [Fact]
    public void BookingNoClientSawConfirmed_IsCaught()
    {
        var (storage, seen) = Consistent();
        var ledger = new ClientLedger();

        Assert.False(Find(InvariantChecker.Check(storage, seen with { Ledger = ledger }), "no booking exists").Holds);
    }

    [Fact]
    public void MissingEmail_AndMissingWebhook_AreCaught()
    {
        var (storage, seen) = Consistent();
        storage = With(storage, emails: storage.Emails.Skip(1).ToList());

        var invariants = InvariantChecker.Check(storage, seen with { Deliveries = seen.Deliveries.Skip(1).ToList() });

        Assert.False(Find(invariants, "email per recipient").Holds);
        Assert.False(Find(invariants, "webhook delivery").Holds);
    }

    [Fact]
    public void RepeatedWebhookDelivery_IsCountedButDeduplicatedOnItsId()
    {
        var (storage, seen) = Consistent();

        var webhooks = Find(InvariantChecker.Check(storage, seen with { Deliveries = [.. seen.Deliveries, seen.Deliveries[0]] }), "webhook delivery");

        Assert.True(webhooks.Holds);
        Assert.Contains("1 accepted repeats", webhooks.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void LeftoverOutboxRow_AndPoison_AreCaught()
    {
        var (storage, seen) = Consistent();
        storage = With(storage, outbox: ["soak-paris/outbox|x-created-0"], poison: ["emails-poison: {}"]);

        Assert.Equal(2, Find(InvariantChecker.Check(storage, seen), "outbox").Violations.Count);
    }

    [Fact]
    public void OverdueReminder_AndReminderEmailWithoutRecord_AreCaught()
    {
        var (storage, seen) = Consistent();
        storage = With(storage,
            reminders: [(Paris.Slug, seen.QuietAt.AddMinutes(-5), "remind|x")],
            emails: [.. storage.Emails, new StoredEmail($"{Paris.Slug}--b1.reminder.client.0.r30", $"{Paris.Slug}--b1.reminder.client.0.r30@schedly", ["c@soak.example"])]);

        Assert.Equal(2, Find(InvariantChecker.Check(storage, seen), "reminder").Violations.Count);
    }

    [Fact]
    public void ReminderEmailOfAnEarlierSequence_WithoutRecord_IsAcceptedOnlyWhenTheBookingChangedSince()
    {
        var (storage, seen) = Consistent();
        var b1 = storage.Bookings.First();
        var email = new StoredEmail($"{b1.Id}.reminder.client.0.r30", $"{b1.Id}.reminder.client.0.r30@schedly", [b1.ClientEmail]);
        var unchanged = With(storage, emails: [.. storage.Emails, email]);
        var changedSince = new StorageSnapshot
        {
            Bookings = [b1 with { Sequence = 1 }, .. storage.Bookings.Skip(1)],
            Cells = unchanged.Cells,
            OutboxRows = unchanged.OutboxRows,
            ReminderEntries = unchanged.ReminderEntries,
            ReminderRecords = unchanged.ReminderRecords,
            QueueDepths = unchanged.QueueDepths,
            PoisonMessages = unchanged.PoisonMessages,
            Emails = unchanged.Emails,
            InterruptedMailWrites = 0,
        };

        Assert.Single(unchanged.ReminderEmailsWithoutRecord());
        Assert.Empty(changedSince.ReminderEmailsWithoutRecord());
        Assert.Equal(1, changedSince.RemindersOvertaken);
    }

    [Fact]
    public void DueReminderWithoutItsEmails_IsCaught()
    {
        var (storage, seen) = Consistent();
        storage = With(storage, emails: storage.Emails.Where(e => !e.Stem.Contains(".reminder.host.", StringComparison.Ordinal)).ToList());

        Assert.Contains("1 emails exist", Find(InvariantChecker.Check(storage, seen), "reminder").Violations.Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void UnexpectedWebhookDelivery_IsCaught()
    {
        var (storage, seen) = Consistent();
        var b = storage.Bookings[0];
        var stray = new ReceivedDelivery("soak-paris.audit", $"{b.RandomId}-rescheduled-1.audit", $"{b.RandomId}-rescheduled-1", "booking.rescheduled", b.Id, true, true, Start);

        var webhooks = Find(InvariantChecker.Check(storage, seen with { Deliveries = [.. seen.Deliveries, stray] }), "webhook delivery");

        Assert.Contains("expects none", webhooks.Violations.Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void UnsettledCreate_AndUndeliberateStatus_AreCaught()
    {
        var (storage, seen) = Consistent();
        seen.Ledger.UnsettledCreates.Enqueue(new PendingCreate(Paris.Slug, "consult", new { }, "key"));

        var invariants = InvariantChecker.Check(storage, seen with { Statuses = new Dictionary<int, int> { [200] = 3, [502] = 1 } });

        Assert.False(Find(invariants, "no booking exists").Holds);
        Assert.Equal("1 responses were 502", Find(invariants, "every answer was deliberate").Violations.Single());
    }

    [Fact]
    public void AnalyticsThatDifferFromTheRecount_AreCaught()
    {
        var (storage, seen) = Consistent();

        var invariants = InvariantChecker.Check(storage, seen with { ReportedAnalytics = [] });

        Assert.False(Find(invariants, "analytics").Holds);
    }

    private static Invariant Find(IReadOnlyList<Invariant> invariants, string words) =>
        invariants.Single(i => i.Statement.Contains(words, StringComparison.Ordinal));

    /// <summary>One confirmed booking (30 min + no buffers) with its cell, emails and webhooks, as a clean run leaves it.</summary>
    private static (StorageSnapshot Storage, SoakObservations Seen) Consistent(StoredBooking? second = null)
    {
        var bookings = new List<StoredBooking> { Booking("b1", Start) };
        if (second is not null)
        {
            bookings.Add(second);
        }

        var storage = new StorageSnapshot
        {
            Bookings = bookings,
            Cells = [new StoredCell(Paris.Slug, "2026120110", bookings.Select(b => new CellSpan(b.RandomId, b.ClaimStart, b.ClaimEnd)).ToList())],
            OutboxRows = [],
            ReminderEntries = [],
            ReminderRecords = bookings.Select(b => new ReminderRecord(Paris.Slug, b.RandomId, 60, b.Start.AddMinutes(-60), "Sent")).ToList(),
            QueueDepths = StorageSnapshot.Queues.ToDictionary(q => q, _ => 0),
            PoisonMessages = [],
            Emails = bookings.SelectMany(b => new[]
            {
                new StoredEmail($"{b.Id}.created.client.0", $"{b.Id}.created.client.0@schedly", [b.ClientEmail]),
                new StoredEmail($"{b.Id}.created.host.0", $"{b.Id}.created.host.0@schedly", [Paris.Email]),
                new StoredEmail($"{b.Id}.reminder.client.0.r60", $"{b.Id}.reminder.client.0.r60@schedly", [b.ClientEmail]),
                new StoredEmail($"{b.Id}.reminder.host.0.r60", $"{b.Id}.reminder.host.0.r60@schedly", [Paris.Email]),
            }).ToList(),
            InterruptedMailWrites = 0,
        };
        var ledger = new ClientLedger();
        foreach (var b in bookings)
        {
            ledger.Confirmed(System.Text.Json.JsonSerializer.SerializeToElement(new
            {
                id = b.Id,
                host = b.Host,
                eventType = b.EventType,
                manageToken = "token",
                email = b.ClientEmail,
                status = "confirmed",
                start = b.Start.ToString("O"),
                end = b.End.ToString("O"),
                sequence = 0,
                noShow = false,
            }));
        }

        var deliveries = bookings.SelectMany(b => Paris.Endpoints.Select(e => new ReceivedDelivery(
            Paris.ReceiverPath(e), $"{b.RandomId}-created-0.{e.Id}", $"{b.RandomId}-created-0", "booking.created", b.Id, true, true, Start))).ToList();
        // Quiet after the bookings' 60-minute reminders fell due: the reminder rule is exercised.
        var seen = new SoakObservations(ledger, [Paris], deliveries, AnalyticsDay.Recount(Paris, bookings), 5, 0,
            new Dictionary<int, int> { [200] = 10, [409] = 2, [0] = 1 }, Start);
        return (storage, seen);
    }

    private static StoredBooking Booking(string id, DateTimeOffset start) => new(
        Paris.Slug, id, "consult", start, start.AddMinutes(30), 0, 0, Confirmed: true, NoShow: false, Sequence: 0, $"{id}@soak.example",
        start.AddDays(-2), start.AddDays(-2), "40.00", "EUR", [60]);

    private static StorageSnapshot With(
        StorageSnapshot s,
        IReadOnlyList<StoredCell>? cells = null,
        IReadOnlyList<StoredEmail>? emails = null,
        IReadOnlyList<string>? outbox = null,
        IReadOnlyList<string>? poison = null,
        IReadOnlyList<(string, DateTimeOffset, string)>? reminders = null) => new()
        {
            Bookings = s.Bookings,
            Cells = cells ?? s.Cells,
            OutboxRows = outbox ?? s.OutboxRows,
            ReminderEntries = reminders ?? s.ReminderEntries,
            ReminderRecords = s.ReminderRecords,
            QueueDepths = s.QueueDepths,
            PoisonMessages = poison ?? s.PoisonMessages,
            Emails = emails ?? s.Emails,
            InterruptedMailWrites = 0,
        };
}
