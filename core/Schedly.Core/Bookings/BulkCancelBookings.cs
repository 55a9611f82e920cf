using NodaTime;
using Schedly.Core.Hosts;
using Schedly.Core.Validation;

namespace Schedly.Core.Bookings;

/// <summary>
/// The host cancels many upcoming bookings at once: all of one client email, or all starting in a span. Each is the
/// ordinary host cancel (<see cref="HostBookings.CancelAsync"/>: its own transaction and its own
/// <c>booking.cancelled</c> event, so each client gets one notice and each webhook one delivery). At most
/// <see cref="MaxPerCall"/> bookings per call; <see cref="BulkCancelResult.Done.More"/> says to call again.
/// Costs one range query per 200 confirmed bookings in the span, then per booking cancelled a point read, the
/// snapshot query, one transaction and one queue message.
/// </summary>
public sealed class BulkCancelBookings(IHostRepository hosts, IBookingStore store, HostBookings hostBookings, IClock clock)
{
    public const int MaxPerCall = 500;

    private const int PageSize = 200;

    public async Task<BulkCancelResult> ExecuteAsync(HostSlug host, BulkCancelDraft draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(draft);
        var query = draft.Validate(clock.GetCurrentInstant());
        if (!query.IsValid)
        {
            return new BulkCancelResult.Invalid(query.Errors);
        }

        if (await hosts.FindAsync(host, cancellationToken).ConfigureAwait(false) is null)
        {
            return new BulkCancelResult.NotFound();
        }

        var (email, starts, reason) = query.Value;
        var matches = new List<Booking>();
        string? continuation = null;
        var more = false;
        do
        {
            var page = await store.ListAsync(host, starts, [BookingStatus.Confirmed], PageSize, continuation, cancellationToken).ConfigureAwait(false);
            foreach (var booking in page.Bookings.Where(b => b.Start >= starts.Start
                && (email is null || string.Equals(b.Client.Email, email, StringComparison.OrdinalIgnoreCase))))
            {
                if (matches.Count == MaxPerCall)
                {
                    more = true;
                    break;
                }

                matches.Add(booking);
            }

            continuation = page.ContinuationToken;
        }
        while (continuation is not null && !more);

        var cancelled = 0;
        foreach (var booking in matches)
        {
            var result = await hostBookings.CancelAsync(host, booking.Id.Value, reason, cancellationToken).ConfigureAwait(false);
            cancelled += result is ManageResult.Done { Changed: true } ? 1 : 0;
        }

        return new BulkCancelResult.Done(matches.Count, cancelled, more);
    }
}

/// <summary>The outcome of a bulk cancel.</summary>
public abstract record BulkCancelResult
{
    private BulkCancelResult()
    {
    }

    /// <summary>
    /// <paramref name="Matched"/> upcoming confirmed bookings were found, <paramref name="Cancelled"/> of them cancelled
    /// now (the rest were cancelled meanwhile by someone else); <paramref name="More"/>: more match, call again.
    /// </summary>
    public sealed record Done(int Matched, int Cancelled, bool More) : BulkCancelResult;

    public sealed record NotFound : BulkCancelResult;

    public sealed record Invalid(ValidationErrors Errors) : BulkCancelResult;
}
