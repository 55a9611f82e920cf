using Azure;
using Azure.Data.Tables;

namespace Schedly.AzureStorage.Tables;

/// <summary>The <c>booking|{id}</c> row. Times are UTC; durations whole minutes.</summary>
public sealed class BookingEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string EventType { get; set; } = "";

    public DateTimeOffset Start { get; set; }

    public DateTimeOffset End { get; set; }

    public int BufferBeforeMinutes { get; set; }

    public int BufferAfterMinutes { get; set; }

    public string Status { get; set; } = "";

    public bool NoShow { get; set; }

    public string ClientName { get; set; } = "";

    public string ClientEmail { get; set; } = "";

    public string ClientTimeZone { get; set; } = "";

    /// <summary>The client's language (BCP 47); null on rows of earlier releases (read as <c>en</c>).</summary>
    public string? ClientLocale { get; set; }

    public string Notes { get; set; } = "";

    public string AnswersJson { get; set; } = "{}";

    public string ManageTokenHash { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public int Sequence { get; set; }

    /// <summary>How many of the moves the host made (absent on rows written before it existed: 0).</summary>
    public int HostMoves { get; set; }

    public string? PriceAmount { get; set; }

    public string? PriceCurrency { get; set; }

    public string HostDate { get; set; } = "";

    public string? CancelReason { get; set; }

    public string? CancelledBy { get; set; }

    /// <summary>The location's kind (wire name); null on rows without a location (and rows of earlier releases).</summary>
    public string? LocationKind { get; set; }

    public string? LocationDisplay { get; set; }

    /// <summary>The join link of a video location.</summary>
    public string? LocationUrl { get; set; }

    /// <summary>Answers to the event type's questions with their labels as booked (JSON); null on rows of earlier releases.</summary>
    public string? QuestionAnswersJson { get; set; }

    /// <summary>The team the booking was made through (<see cref="TeamBookingDocument"/>); null for a host's own booking.</summary>
    public string? TeamJson { get; set; }

    /// <summary>The client change policy booked under (null each: no limit, and on rows of earlier releases).</summary>
    public int? CancelNoticeMinutes { get; set; }

    public int? RescheduleNoticeMinutes { get; set; }

    public int? MaxReschedules { get; set; }

    /// <summary>When a pending booking lapses; null for bookings that never waited.</summary>
    public DateTimeOffset? ExpiresAt { get; set; }

    /// <summary>The payment's checkout session (null: no payment), its page, and what became of it.</summary>
    public string? PaymentSessionId { get; set; }

    public string? PaymentCheckoutUrl { get; set; }

    public string? PaymentIntentId { get; set; }

    public DateTimeOffset? PaidAt { get; set; }

    public DateTimeOffset? RefundedAt { get; set; }

    public string? RefundId { get; set; }

    /// <summary>Reminder offsets in minutes, comma-separated.</summary>
    public string ReminderOffsets { get; set; } = "";
}
