namespace Schedly.Soak;

/// <summary>What the checker compares storage with: what the clients saw, what the receiver got, what the API reported.</summary>
public sealed record SoakObservations(
    ClientLedger Ledger,
    IReadOnlyList<SoakHost> Hosts,
    IReadOnlyList<ReceivedDelivery> Deliveries,
    IReadOnlyList<AnalyticsDay> ReportedAnalytics,
    int Reads,
    int StaleReads,
    IReadOnlyDictionary<int, int> Statuses,
    DateTimeOffset QuietAt);

/// <summary>Proves (or refutes) each invariant of the soak over a storage snapshot taken with the runner stopped.</summary>
public static class InvariantChecker
{
    public static IReadOnlyList<Invariant> Check(StorageSnapshot storage, SoakObservations seen)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(seen);
        return
        [
            NoOverlaps(storage),
            CellsMatchBookings(storage),
            ConfirmedBookingsExist(storage, seen),
            NoUnseenBookings(storage, seen),
            ReadsAgreed(seen),
            OneEmailPerRecipient(storage, seen),
            OneWebhookPerEndpoint(storage, seen),
            RemindersSentOnceOrSkipped(storage, seen),
            NothingLeftToDispatch(storage),
            AnalyticsMatchRecount(storage, seen),
            NoUnhandledErrors(seen),
        ];
    }

    private static Invariant NoOverlaps(StorageSnapshot storage)
    {
        var violations = new List<string>();
        var active = storage.Bookings.Where(b => b.Confirmed).ToList();
        foreach (var host in active.GroupBy(b => b.Host))
        {
            StoredBooking? reach = null;
            foreach (var booking in host.OrderBy(b => b.ClaimStart))
            {
                if (reach is not null && booking.ClaimStart < reach.ClaimEnd)
                {
                    violations.Add($"{reach.Id} [{reach.ClaimStart:u}, {reach.ClaimEnd:u}) overlaps {booking.Id} [{booking.ClaimStart:u}, {booking.ClaimEnd:u})");
                }

                reach = reach is null || booking.ClaimEnd > reach.ClaimEnd ? booking : reach;
            }
        }

        return new("no two active bookings of a host overlap (buffers included)", active.Count, violations);
    }

    private static Invariant CellsMatchBookings(StorageSnapshot storage)
    {
        var violations = new List<string>();
        var bookings = storage.Bookings.ToDictionary(b => (b.Host, b.RandomId));
        var listed = new HashSet<(string Host, string Id, string Hour)>();
        var spans = 0;
        foreach (var cell in storage.Cells)
        {
            foreach (var span in cell.Spans)
            {
                spans++;
                listed.Add((cell.Host, span.Id, cell.Hour));
                if (!bookings.TryGetValue((cell.Host, span.Id), out var booking))
                {
                    violations.Add($"cell {cell.Host}/{cell.Hour} claims for {span.Id}, which does not exist");
                }
                else if (!booking.Confirmed)
                {
                    violations.Add($"cell {cell.Host}/{cell.Hour} still claims for cancelled {booking.Id}");
                }
                else if (span.ClaimStart != booking.ClaimStart || span.ClaimEnd != booking.ClaimEnd
                    || span.ClaimEnd <= cell.HourStart || span.ClaimStart >= cell.HourStart.AddHours(1))
                {
                    violations.Add($"cell {cell.Host}/{cell.Hour} claims [{span.ClaimStart:u}, {span.ClaimEnd:u}) for {booking.Id}, which holds [{booking.ClaimStart:u}, {booking.ClaimEnd:u})");
                }
            }
        }

        foreach (var booking in storage.Bookings.Where(b => b.Confirmed))
        {
            for (var hour = Floor(booking.ClaimStart); hour < booking.ClaimEnd; hour = hour.AddHours(1))
            {
                if (!listed.Contains((booking.Host, booking.RandomId, hour.ToString("yyyyMMddHH", System.Globalization.CultureInfo.InvariantCulture))))
                {
                    violations.Add($"{booking.Id} is active but cell {hour:yyyyMMddHH} does not claim its time");
                }
            }
        }

        return new("no claimed cell without its booking (and no active booking without its cells)", spans, violations);
    }

    private static Invariant ConfirmedBookingsExist(StorageSnapshot storage, SoakObservations seen)
    {
        var stored = storage.Bookings.ToDictionary(b => b.Id);
        var violations = new List<string>();
        foreach (var booking in seen.Ledger.Bookings)
        {
            if (!stored.TryGetValue(booking.Id, out var row))
            {
                violations.Add($"{booking.Id} was confirmed to a client but is not stored");
                continue;
            }

            var s = booking.State;
            if (s.Confirmed != row.Confirmed || s.Start != row.Start || s.End != row.End || s.Sequence != row.Sequence || s.NoShow != row.NoShow)
            {
                violations.Add($"{booking.Id}: last answered {s}, stored confirmed={row.Confirmed} start={row.Start:u} sequence={row.Sequence} noShow={row.NoShow}");
            }
        }

        var unresolved = seen.Ledger.Bookings.Count(b => b.Unresolved);
        if (unresolved > 0)
        {
            violations.Add($"{unresolved} bookings whose last change could not be read back");
        }

        return new("every booking a client saw confirmed exists, in the state last answered", seen.Ledger.Count, violations);
    }

    private static Invariant NoUnseenBookings(StorageSnapshot storage, SoakObservations seen)
    {
        var known = seen.Ledger.Bookings.Select(b => b.Id).ToHashSet(StringComparer.Ordinal);
        var violations = storage.Bookings.Where(b => !known.Contains(b.Id)).Select(b => $"{b.Id} is stored but no client saw it confirmed").ToList();
        violations.AddRange(seen.Ledger.PendingCreates.Concat(seen.Ledger.UnsettledCreates)
            .Select(p => $"a create for {p.Host}/{p.EventType} never got a definitive answer"));
        return new("no booking exists that no client saw confirmed (nothing half-written)", storage.Bookings.Count, violations);
    }

    private static Invariant ReadsAgreed(SoakObservations seen) => new(
        "every read of a booking agreed with its last confirmed change",
        seen.Reads,
        seen.StaleReads == 0 ? [] : [$"{seen.StaleReads} reads disagreed"]);

    private static Invariant OneEmailPerRecipient(StorageSnapshot storage, SoakObservations seen)
    {
        var expected = new Dictionary<string, string>(StringComparer.Ordinal);
        var hostEmails = seen.Hosts.ToDictionary(h => h.Slug, h => h.Email);
        foreach (var b in storage.Bookings)
        {
            void Expect(string kind, int sequence)
            {
                expected[$"{b.Id}.{kind}.client.{sequence}"] = b.ClientEmail;
                expected[$"{b.Id}.{kind}.host.{sequence}"] = hostEmails[b.Host];
            }

            Expect("created", 0);
            for (var k = 1; k <= b.Sequence; k++)
            {
                Expect("rescheduled", k);
            }

            if (!b.Confirmed)
            {
                Expect("cancelled", b.Sequence + 1);
            }
        }

        var violations = new List<string>();
        var present = storage.Emails.Where(e => !e.Stem.Contains(".reminder.", StringComparison.Ordinal)).ToDictionary(e => e.Stem, StringComparer.Ordinal);
        foreach (var (stem, to) in expected)
        {
            if (!present.TryGetValue(stem, out var email))
            {
                violations.Add($"missing email {stem}");
            }
            else if (email.MessageId != stem + "@schedly" || email.To.Count != 1 || !string.Equals(email.To[0], to, StringComparison.OrdinalIgnoreCase))
            {
                violations.Add($"email {stem} has Message-Id {email.MessageId} and To {string.Join(",", email.To)}; expected {to}");
            }
        }

        violations.AddRange(present.Keys.Where(k => !expected.ContainsKey(k)).Select(k => $"unexpected email {k}"));
        return new("every booking event produced exactly one email per recipient", expected.Count, violations,
            storage.InterruptedMailWrites > 0 ? $"{storage.InterruptedMailWrites} interrupted writes left hidden .tmp files" : null);
    }

    private static Invariant OneWebhookPerEndpoint(StorageSnapshot storage, SoakObservations seen)
    {
        var marks = seen.Ledger.Bookings.ToDictionary(b => b.Id, b => b.NoShowMarks, StringComparer.Ordinal);
        var accepted = seen.Deliveries.Where(d => d.Accepted).ToList();
        var distinct = accepted.GroupBy(d => (d.Endpoint, d.DeliveryId)).Select(g => g.First()).ToList();
        var counted = distinct.GroupBy(d => (d.Endpoint, d.BookingId, d.EventType)).ToDictionary(g => g.Key, g => g.Count());
        var violations = new List<string>();
        var expectedTotal = 0;
        var expectedKeys = new HashSet<(string Endpoint, string BookingId, string EventType)>();
        foreach (var b in storage.Bookings)
        {
            var host = seen.Hosts.Single(h => h.Slug == b.Host);
            var expected = new Dictionary<string, int>(StringComparer.Ordinal)
            {
                ["booking.created"] = 1,
                ["booking.rescheduled"] = b.Sequence,
                ["booking.cancelled"] = b.Confirmed ? 0 : 1,
                ["booking.no_show"] = marks.GetValueOrDefault(b.Id),
            };
            foreach (var endpoint in host.Endpoints)
            {
                foreach (var (type, count) in expected.Where(e => endpoint.Subscribes(e.Key) && e.Value > 0))
                {
                    expectedTotal += count;
                    expectedKeys.Add((host.ReceiverPath(endpoint), b.Id, type));
                    var got = counted.GetValueOrDefault((host.ReceiverPath(endpoint), b.Id, type));
                    if (got != count)
                    {
                        violations.Add($"{b.Id} → {host.ReceiverPath(endpoint)}: {got} distinct {type} deliveries, expected {count}");
                    }
                }
            }
        }

        violations.AddRange(counted.Keys.Where(k => !expectedKeys.Contains(k))
            .Select(k => $"{counted[k]} deliveries of {k.EventType} for {k.BookingId} to {k.Endpoint}, which expects none"));
        violations.AddRange(seen.Deliveries.Where(d => !d.SignatureValid).Select(d => $"delivery {d.DeliveryId} to {d.Endpoint} had a bad signature"));
        var repeats = accepted.Count - distinct.Count;
        var refused = seen.Deliveries.Count(d => !d.Accepted && d.SignatureValid);
        return new("every event produced exactly one webhook delivery per subscribed endpoint", expectedTotal, violations,
            $"{refused} attempts refused by the failing receiver and retried; {repeats} accepted repeats of a delivery id "
            + "(a crash or outage between the receiver's 2xx and the ledger write), deduplicated on Schedly-Delivery-Id as docs/WEBHOOKS.md asks");
    }

    private static Invariant RemindersSentOnceOrSkipped(StorageSnapshot storage, SoakObservations seen)
    {
        var violations = new List<string>();
        // The drain saw storage idle at QuietAt (no entry due, queues empty): everything due by then was handled.
        var cutoff = seen.QuietAt;
        violations.AddRange(storage.ReminderEntries.Where(r => r.Due <= cutoff).Select(r => $"{r.Host}/{r.RowKey} was due at {r.Due:u} and is still waiting"));
        var records = storage.ReminderRecords.GroupBy(r => (r.Host, r.RandomId, r.OffsetMinutes, r.Due)).ToDictionary(g => g.Key, g => g.ToList());
        var reminderEmails = storage.ReminderEmails;
        var due = 0;
        foreach (var b in storage.Bookings.Where(b => b.Confirmed))
        {
            var plannedAfter = b.Sequence == 0 ? b.CreatedAt : b.UpdatedAt;
            foreach (var offset in b.ReminderOffsets.Distinct())
            {
                var at = b.Start.AddMinutes(-offset);
                if (at <= plannedAfter || at > cutoff)
                {
                    continue;
                }

                due++;
                var outcome = records.GetValueOrDefault((b.Host, b.RandomId, offset, at))?.Select(r => r.Outcome).ToList() ?? [];
                var emails = reminderEmails.GetValueOrDefault((b.Id, b.Sequence, offset));
                if (outcome is not ["Sent"] and not ["Skipped"])
                {
                    violations.Add($"{b.Id} reminder {offset} min due {at:u}: outcome [{string.Join(",", outcome)}]");
                }
                else if (outcome is ["Sent"] && emails != 2)
                {
                    violations.Add($"{b.Id} reminder {offset} min due {at:u} was sent but {emails} emails exist (expected client + host)");
                }
                else if (outcome is ["Skipped"] && reminderEmails.Keys.Any(k => k.Booking == b.Id && k.Offset == offset))
                {
                    violations.Add($"{b.Id} reminder {offset} min was skipped but {emails} emails exist");
                }
            }
        }

        violations.AddRange(storage.ReminderEmailsWithoutRecord().Select(k => $"reminder email for {k.Booking} ({k.Offset} min) without a sent record"));
        var skipped = storage.ReminderRecords.Count(r => r.Outcome == "Skipped");
        return new("every due reminder was sent once (client + host) or recorded as skipped", due, violations,
            $"{storage.ReminderRecords.Count(r => r.Outcome == "Sent")} sent, {skipped} skipped, {storage.ReminderRecords.Count(r => r.Outcome == "Obsolete")} obsolete (booking moved or cancelled)"
            + (storage.RemindersOvertaken > 0 ? $"; {storage.RemindersOvertaken} sent just before the booking was cancelled or moved (the change removed the entry, so no outcome row)" : ""));
    }

    private static Invariant NothingLeftToDispatch(StorageSnapshot storage)
    {
        var violations = storage.OutboxRows.Select(r => $"outbox row {r} left (neither the fan-out nor its guard deleted it)").ToList();
        violations.AddRange(storage.QueueDepths.Where(q => q.Value > 0).Select(q => $"queue {q.Key} holds {q.Value} messages"));
        violations.AddRange(storage.PoisonMessages);
        return new("no outbox row left (each deleted by its fan-out or guard); queues drained, poison queues empty", storage.QueueDepths.Count, violations);
    }

    private static Invariant AnalyticsMatchRecount(StorageSnapshot storage, SoakObservations seen)
    {
        var recount = seen.Hosts.SelectMany(h => AnalyticsDay.Recount(h, storage.Bookings)).ToList();
        var violations = recount.Except(seen.ReportedAnalytics).Select(d => $"recount {d} not reported").ToList();
        violations.AddRange(seen.ReportedAnalytics.Except(recount).Select(d => $"reported {d} differs from the recount"));
        return new("analytics equal a recount from the bookings (booked, cancelled, rescheduled, no-shows, revenue per day and type)", recount.Count, violations);
    }

    /// <summary>The answers the workload may meet: success, a conflict or unavailable slot, storage down, or none (crash).</summary>
    public static readonly IReadOnlySet<int> DeliberateStatuses = new HashSet<int> { 0, 200, 201, 204, 409, 422, 503 };

    private static Invariant NoUnhandledErrors(SoakObservations seen) => new(
        "every answer was deliberate: 2xx, 409, 422, 503 or none (no 500, no unexpected 4xx)",
        seen.Statuses.Values.Sum(),
        seen.Statuses.Where(s => !DeliberateStatuses.Contains(s.Key)).Select(s => $"{s.Value} responses were {s.Key}").ToList());

    private static DateTimeOffset Floor(DateTimeOffset t)
    {
        var utc = t.UtcDateTime;
        return new DateTimeOffset(utc.Year, utc.Month, utc.Day, utc.Hour, 0, 0, TimeSpan.Zero);
    }
}
