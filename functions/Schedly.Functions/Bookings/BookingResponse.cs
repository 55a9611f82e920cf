using Schedly.Core.Bookings;
using Schedly.Functions.Hosts;

namespace Schedly.Functions.Bookings;

/// <summary>
/// A booking on the wire. <see cref="ManageToken"/> appears only in the 201 of its creation (and an
/// idempotent replay of it); it is never stored in clear.
/// </summary>
public sealed record BookingResponse(
    string Id,
    string Status,
    string Host,
    string EventType,
    string Start,
    string End,
    string Name,
    string Email,
    string TimeZone,
    string Notes,
    IReadOnlyDictionary<string, string> Answers,
    bool NoShow,
    int Sequence,
    PriceResponse? Price,
    string? CancelReason,
    string? CancelledBy,
    string CreatedAt,
    string UpdatedAt,
    BookingLocationResponse? Location,
    int DurationMinutes,
    IReadOnlyList<BookedAnswerResponse> QuestionAnswers,
    string? CancelDeadline,
    string? RescheduleDeadline,
    int? ReschedulesLeft,
    string Locale,
    string? ExpiresAt,
    string? PaymentUrl,
    PaymentStateResponse? Payment,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] string? ManageToken)
{
    /// <summary>Every host the booking is with: the booking's own host, or for a collective team booking every member.</summary>
    public IReadOnlyList<string> Hosts { get; init; } = [];

    /// <summary>The team the booking was made through; null for a host's own booking.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? Team { get; init; }

    /// <summary>How the team booking is staffed (<c>roundRobin</c> or <c>collective</c>); null for a host's own booking.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? TeamAssignment { get; init; }

    /// <summary>How round-robin chose the host: shown to the host (admin reads), never to the client.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public Teams.AssignmentResponse? Assignment { get; init; }

    /// <summary>The booking as its host sees it: with the round-robin decision, when there was one.</summary>
    public static BookingResponse ForHost(Booking booking) =>
        From(booking) with { Assignment = Teams.AssignmentResponse.From(booking.Team) };

    public static BookingResponse From(Booking booking, string? manageToken = null)
    {
        ArgumentNullException.ThrowIfNull(booking);
        return new BookingResponse(
            booking.Id.Value,
            BookingStatuses.WireName(booking.Status),
            booking.Id.Host.Value,
            booking.EventType,
            booking.Start.ToString(),
            booking.End.ToString(),
            booking.Client.Name,
            booking.Client.Email,
            booking.Client.TimeZone.Id,
            booking.Client.Notes,
            booking.Client.Answers,
            booking.NoShow,
            booking.Sequence,
            PriceResponse.From(booking.Price),
            booking.CancelReason,
            booking.CancelledBy,
            booking.CreatedAt.ToString(),
            booking.UpdatedAt.ToString(),
            BookingLocationResponse.From(booking.Location),
            (int)(booking.End - booking.Start).TotalMinutes,
            BookedAnswerResponse.From(booking.Client.QuestionAnswers),
            booking.CancelDeadline?.ToString(),
            booking.RescheduleDeadline?.ToString(),
            booking.ReschedulesLeft,
            booking.Client.Locale,
            booking.IsPending ? booking.ExpiresAt?.ToString() : null,
            booking.Status == BookingStatus.PendingPayment ? booking.Payment?.CheckoutUrl.AbsoluteUri : null,
            PaymentStateResponse.From(booking.Payment),
            manageToken)
        {
            Hosts = booking.Team is { } team ? [.. team.Hosts.Select(h => h.Value)] : [booking.Id.Host.Value],
            Team = booking.Team?.Team.Value,
            TeamAssignment = booking.Team is { } staffed ? Teams.TeamEventTypeJson.AssignmentName(staffed.Assignment) : null,
        };
    }
}

/// <summary>What became of a booking's payment: when it was paid and refunded (null each: not yet).</summary>
public sealed record PaymentStateResponse(string? PaidAt, string? RefundedAt)
{
    public static PaymentStateResponse? From(BookingPayment? payment) =>
        payment is null ? null : new(payment.PaidAt?.ToString(), payment.RefundedAt?.ToString());
}
