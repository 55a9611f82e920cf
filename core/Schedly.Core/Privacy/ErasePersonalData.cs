using NodaTime;
using Schedly.Core.Bookings;
using Schedly.Core.Concurrency;
using Schedly.Core.Hosts;
using Schedly.Core.Validation;

namespace Schedly.Core.Privacy;

/// <summary>
/// Erases one client's personal data from a host's bookings (a GDPR erasure request, docs/SECURITY.md "Privacy"):
/// every booking of that email, past or upcoming, any status, keeps its time, status, event type and price (so the
/// host's slots and the anonymous analytics counts stay right) but its name and email become
/// <see cref="ClientDetails.ErasedMarker"/> and its notes and answers are emptied, the booking row and its
/// <c>bystart</c> copy in one transaction. No event is raised: nobody is told, and no email goes to an erased client.
/// At most <see cref="MaxPerCall"/> bookings per call (erased ones no longer match, so calling again continues).
/// </summary>
public sealed class ErasePersonalData(IHostRepository hosts, IBookingStore store, IClock clock)
{
    public const int MaxPerCall = 500;

    private const int PageSize = 200;

    /// <summary>The earliest start looked at; bookings before 1970 cannot exist.</summary>
    private static readonly Instant Beginning = Instant.FromUnixTimeSeconds(0);

    public async Task<EraseResult> EraseClientAsync(HostSlug host, string? email, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        var errors = new ValidationErrors();
        var address = EmailAddressRules.Required(email, "email", errors);
        if (!errors.IsEmpty)
        {
            return new EraseResult.Invalid(errors);
        }

        if (await hosts.FindAsync(host, cancellationToken).ConfigureAwait(false) is null)
        {
            return new EraseResult.NotFound();
        }

        var all = new Interval(Beginning, clock.GetCurrentInstant() + BulkCancelDraft.EmailHorizon);
        return await EraseMatchingAsync(host, all, b => string.Equals(b.Client.Email, address, StringComparison.OrdinalIgnoreCase), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The host's retention (<see cref="HostProfile.RetentionDays"/>): erases the personal fields of every booking that
    /// ended more than that long ago, as <see cref="EraseClientAsync"/> does, at most <see cref="MaxPerCall"/> per call
    /// (<see cref="EraseResult.Done.More"/>: call again). Run by housekeeping, when a booking's retention hint falls due.
    /// </summary>
    public async Task<EraseResult> EraseExpiredAsync(HostSlug host, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        if (await hosts.FindAsync(host, cancellationToken).ConfigureAwait(false) is not { } stored)
        {
            return new EraseResult.NotFound();
        }

        var cutoff = clock.GetCurrentInstant() - Duration.FromDays(stored.Value.Profile.RetentionDays);
        if (cutoff <= Beginning)
        {
            return new EraseResult.Done(0, false);
        }

        // A booking that ended before the cutoff also started before it: the range by start holds them all.
        return await EraseMatchingAsync(host, new Interval(Beginning, cutoff), b => b.End <= cutoff && !b.Client.IsErased, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Erases the host's bookings starting in <paramref name="starts"/> that <paramref name="matches"/>, at most <see cref="MaxPerCall"/>.</summary>
    private async Task<EraseResult> EraseMatchingAsync(HostSlug host, Interval starts, Func<Booking, bool> matches, CancellationToken cancellationToken)
    {
        var found = new List<BookingId>();
        string? continuation = null;
        do
        {
            var page = await store.ListAsync(host, starts, [], PageSize, continuation, cancellationToken).ConfigureAwait(false);
            found.AddRange(page.Bookings.Where(matches).Select(b => b.Id));
            continuation = page.ContinuationToken;
        }
        while (continuation is not null && found.Count <= MaxPerCall);

        var erased = 0;
        foreach (var id in found.Take(MaxPerCall))
        {
            erased += await EraseAsync(id, cancellationToken).ConfigureAwait(false) ? 1 : 0;
        }

        return new EraseResult.Done(erased, found.Count > MaxPerCall);
    }

    private Task<bool> EraseAsync(BookingId id, CancellationToken cancellationToken) =>
        OptimisticConcurrency.RunAsync<bool>("Erase", async ct =>
        {
            var current = await store.FindAsync(id, ct).ConfigureAwait(false);
            if (current is null || current.Value.Client.IsErased)
            {
                return false;
            }

            var erased = current.Value with { Client = current.Value.Client.Erased() };
            return await store.TryCommitAsync(BookingChange.Update(current.Version, erased, null), ct).ConfigureAwait(false)
                ? true
                : Attempt<bool>.Conflict;
        }, cancellationToken);
}

/// <summary>The outcome of an erasure.</summary>
public abstract record EraseResult
{
    private EraseResult()
    {
    }

    /// <summary><paramref name="Erased"/> bookings erased now; <paramref name="More"/>: more match, call again.</summary>
    public sealed record Done(int Erased, bool More) : EraseResult;

    public sealed record NotFound : EraseResult;

    public sealed record Invalid(ValidationErrors Errors) : EraseResult;
}
