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

    /// <summary>
    /// One member's hold of a collective team booking (docs/TEAMS.md): holds its time like a confirmed booking until
    /// the collective protocol confirms it (→ <see cref="Confirmed"/>) or releases it (→ <see cref="Released"/>).
    /// </summary>
    Held,

    /// <summary>A collective booking's hold given back because the booking rolled back; it never was a booking.</summary>
    Released,
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
        BookingStatus.Held => "held",
        BookingStatus.Released => "released",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown status."),
    };

    /// <summary>The status a wire name names, or null.</summary>
    public static BookingStatus? Parse(string? name) =>
        Enum.GetValues<BookingStatus>().Cast<BookingStatus?>().FirstOrDefault(s => string.Equals(WireName(s!.Value), name, StringComparison.Ordinal));

    /// <summary>True for the statuses that hold their time.</summary>
    public static bool HoldsTime(BookingStatus status) => status is BookingStatus.Confirmed or BookingStatus.PendingPayment or BookingStatus.PendingApproval or BookingStatus.Held;

    /// <summary>True for the statuses that wait for a payment or an answer.</summary>
    public static bool IsPending(BookingStatus status) => status is BookingStatus.PendingPayment or BookingStatus.PendingApproval;
}
