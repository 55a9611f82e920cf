namespace Schedly.Core.Bookings;

/// <summary>
/// Where a booking stands. <see cref="Confirmed"/>, <see cref="PendingPayment"/> and <see cref="PendingApproval"/> hold
/// their time (their claim cells exist); the others have freed it. A pending booking ends as confirmed, declined,
/// expired or cancelled; nothing leaves <see cref="Cancelled"/>, <see cref="Declined"/> or <see cref="Expired"/>.
/// </summary>
public enum BookingStatus
{
    Confirmed,
    Cancelled,

    /// <summary>Waiting for the client's payment (a Stripe Checkout Session); expires unpaid.</summary>
    PendingPayment,

    /// <summary>Waiting for the host's answer; expires unanswered before the start.</summary>
    PendingApproval,

    /// <summary>The host said no to a pending request.</summary>
    Declined,

    /// <summary>A pending booking whose payment or answer did not come in time.</summary>
    Expired,
}

/// <summary>The statuses' names on the wire (camelCase, as docs/ARCHITECTURE.md and the OpenAPI document list them).</summary>
public static class BookingStatuses
{
    public static string WireName(BookingStatus status) => status switch
    {
        BookingStatus.Confirmed => "confirmed",
        BookingStatus.Cancelled => "cancelled",
        BookingStatus.PendingPayment => "pendingPayment",
        BookingStatus.PendingApproval => "pendingApproval",
        BookingStatus.Declined => "declined",
        BookingStatus.Expired => "expired",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown status."),
    };

    /// <summary>The status a wire name names, or null.</summary>
    public static BookingStatus? Parse(string? name) =>
        Enum.GetValues<BookingStatus>().Cast<BookingStatus?>().FirstOrDefault(s => string.Equals(WireName(s!.Value), name, StringComparison.Ordinal));

    /// <summary>True for the statuses that hold their time.</summary>
    public static bool HoldsTime(BookingStatus status) => status is BookingStatus.Confirmed or BookingStatus.PendingPayment or BookingStatus.PendingApproval;

    /// <summary>True for the statuses that wait for a payment or an answer.</summary>
    public static bool IsPending(BookingStatus status) => status is BookingStatus.PendingPayment or BookingStatus.PendingApproval;
}
