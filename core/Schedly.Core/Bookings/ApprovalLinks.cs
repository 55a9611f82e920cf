using Schedly.Core.Security;

namespace Schedly.Core.Bookings;

/// <summary>
/// The host answers a <c>pendingApproval</c> request from the signed link in the host's email, without signing in: the
/// link opens a page (reading changes nothing, so a mail scanner that follows links cannot answer), and the page's
/// buttons post the answer. The token is the booking's <see cref="ManageTokenIssuer.IssueApproval"/>; a wrong token or an
/// unknown booking look the same (not found). The answer is the dashboard's own (<see cref="PendingBookings"/>): one
/// conditional transition, so the link acts once and a second answer is <see cref="ManageResult.NotPending"/>.
/// </summary>
public sealed class ApprovalLinks(IBookingStore store, PendingBookings pending, ManageTokenIssuer tokens)
{
    /// <summary>The booking the link is for, as it stands now, or null when the id or token is wrong.</summary>
    public async Task<Booking?> FindAsync(string bookingId, string token, CancellationToken cancellationToken) =>
        Authorized(bookingId, token) is { } id ? (await store.FindAsync(id, cancellationToken).ConfigureAwait(false))?.Value : null;

    /// <summary>Approves the request: it becomes <c>confirmed</c> and both sides are told.</summary>
    public Task<ManageResult> ApproveAsync(string bookingId, string token, CancellationToken cancellationToken) =>
        Authorized(bookingId, token) is { } id
            ? pending.ApproveAsync(id.Host, bookingId, cancellationToken)
            : Task.FromResult<ManageResult>(new ManageResult.NotFound());

    /// <summary>Declines the request (with an optional reason for the client): its time is free again.</summary>
    public Task<ManageResult> DeclineAsync(string bookingId, string token, string? reason, CancellationToken cancellationToken) =>
        Authorized(bookingId, token) is { } id
            ? pending.DeclineAsync(id.Host, bookingId, reason, cancellationToken)
            : Task.FromResult<ManageResult>(new ManageResult.NotFound());

    private BookingId? Authorized(string bookingId, string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return BookingId.TryParse(bookingId, out var id) && tokens.IsApprovalToken(id, token) ? id : null;
    }
}
