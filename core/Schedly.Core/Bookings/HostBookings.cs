using NodaTime;
using Schedly.Core.Hosts;
using Schedly.Core.Scheduling;
using Schedly.Core.Validation;

namespace Schedly.Core.Bookings;

/// <summary>
/// What a host (or the operator) does with the host's bookings: list them by start, cancel one with
/// a reason (the client is told through the outbox), and mark or unmark a no-show once the meeting
/// has started. The booking id must belong to the host named in the route.
/// </summary>
public sealed class HostBookings(IHostRepository hosts, IBookingStore store, ManagedBookings managed, IBookingEventPublisher publisher, IClock clock)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;
    public const int DefaultRangeDays = 90;
    public const int MaxRangeDays = 366;
    private const int MaxAttempts = 8;

    /// <summary>
    /// Bookings starting on host-local dates <c>start</c>..<c>end</c> (both inclusive; default today and
    /// 90 days on; at most 366 days), optionally only <c>confirmed</c> or <c>cancelled</c>, sorted by start.
    /// </summary>
    public async Task<HostBookingsResult> ListAsync(HostSlug host, string? start, string? end, string? status, string? pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        var stored = await hosts.FindAsync(host, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            return new HostBookingsResult.NotFound();
        }

        var zone = stored.Value.Profile.TimeZone;
        var errors = new ValidationErrors();
        var today = clock.GetCurrentInstant().InZone(zone).Date;
        var from = SchedulingPatterns.OptionalDate(start, "start", errors) ?? today;
        var to = SchedulingPatterns.OptionalDate(end, "end", errors) ?? from.PlusDays(DefaultRangeDays);
        SchedulingPatterns.CheckDateRange(from, to, MaxRangeDays, errors);

        BookingStatus? wanted = status switch
        {
            null or "" => null,
            "confirmed" => BookingStatus.Confirmed,
            "cancelled" => BookingStatus.Cancelled,
            _ => null,
        };
        if (status is { Length: > 0 } && wanted is null)
        {
            errors.Add("status", "Use confirmed or cancelled.");
        }

        var size = DefaultPageSize;
        if (pageSize is { Length: > 0 } && (!int.TryParse(pageSize, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out size) || size is < 1 or > MaxPageSize))
        {
            errors.Add("pageSize", $"A whole number from 1 to {MaxPageSize}.");
        }

        if (continuationToken is { Length: > 1024 })
        {
            errors.Add("continuationToken", "Not a token this API issued.");
        }

        if (!errors.IsEmpty)
        {
            return new HostBookingsResult.Invalid(errors);
        }

        var range = new Interval(from.AtStartOfDayInZone(zone).ToInstant(), to.PlusDays(1).AtStartOfDayInZone(zone).ToInstant());
        var page = await store.ListAsync(host, range, wanted, size, continuationToken, cancellationToken).ConfigureAwait(false);
        return new HostBookingsResult.Page(page);
    }

    public Task<ManageResult> CancelAsync(HostSlug host, string bookingId, string? reason, CancellationToken cancellationToken) =>
        managed.CancelAsync(ct => FindOwnAsync(host, bookingId, ct), reason, "host", cancellationToken);

    /// <summary>Marks (or with <paramref name="noShow"/> false, unmarks) a no-show; only once the meeting has started.</summary>
    public async Task<ManageResult> SetNoShowAsync(HostSlug host, string bookingId, bool noShow, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var current = await FindOwnAsync(host, bookingId, cancellationToken).ConfigureAwait(false);
            if (current is null)
            {
                return new ManageResult.NotFound();
            }

            var now = clock.GetCurrentInstant();
            if (current.Value.Status == BookingStatus.Cancelled)
            {
                return new ManageResult.BookingCancelled();
            }

            if (current.Value.Start > now)
            {
                return new ManageResult.NotStarted();
            }

            if (current.Value.NoShow == noShow)
            {
                return new ManageResult.Done(current.Value, Changed: false);
            }

            // Each no-show change moves UpdatedAt on by at least a millisecond (even when two instances'
            // clocks disagree), so a no_show event id, which carries it in milliseconds, is never reused.
            var updatedAt = now.ToUnixTimeMilliseconds() > current.Value.UpdatedAt.ToUnixTimeMilliseconds()
                ? now
                : Instant.FromUnixTimeMilliseconds(current.Value.UpdatedAt.ToUnixTimeMilliseconds() + 1);
            var updated = current.Value with { NoShow = noShow, UpdatedAt = updatedAt };
            var noShowEvent = noShow ? BookingEvent.For(BookingEvent.NoShow, updated, now) : null;
            if (await store.TryUpdateAsync(current, updated, noShowEvent, cancellationToken).ConfigureAwait(false))
            {
                if (noShowEvent is not null)
                {
                    await publisher.PublishAsync(noShowEvent, cancellationToken).ConfigureAwait(false);
                }

                return new ManageResult.Done(updated, Changed: true);
            }
        }

        throw new ConcurrencyConflictException($"No-show kept conflicting for {MaxAttempts} attempts.");
    }

    private async Task<Versioned<Booking>?> FindOwnAsync(HostSlug host, string bookingId, CancellationToken cancellationToken) =>
        BookingId.TryParse(bookingId, out var id) && id.Host == host
            ? await store.FindAsync(id, cancellationToken).ConfigureAwait(false)
            : null;
}

public abstract record HostBookingsResult
{
    private HostBookingsResult()
    {
    }

    public sealed record Page(BookingPage Bookings) : HostBookingsResult;

    public sealed record NotFound : HostBookingsResult;

    public sealed record Invalid(ValidationErrors Errors) : HostBookingsResult;
}
