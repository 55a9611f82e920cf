using System.Globalization;
using NodaTime;
using NodaTime.Text;
using Schedly.Core.Hosts;
using Schedly.Core.Locations;
using Schedly.Core.Scheduling;

namespace Schedly.Functions.Hosts;

/// <summary>A price on the wire: the amount as a decimal string with two digits, and the ISO 4217 code.</summary>
public sealed record PriceResponse(string Amount, string Currency)
{
    public static PriceResponse? From(Price? price) =>
        price is null ? null : new(price.Amount.ToString("0.00", CultureInfo.InvariantCulture), price.Currency);
}

/// <summary>A range of local times on the wire: <c>HH:mm</c>, the end possibly <c>24:00</c>.</summary>
public sealed record TimeRangeResponse(string Start, string End)
{
    public static List<TimeRangeResponse> From(IEnumerable<LocalTimeRange> ranges) => [.. ranges.Select(r => new TimeRangeResponse(r.StartText, r.EndText))];
}

public sealed record DateOverrideResponse(string Date, IReadOnlyList<TimeRangeResponse> Intervals);

public sealed record BlockedPeriodResponse(string Start, string End, string? Reason);

/// <summary>Availability as the API returns it: every weekday listed (closed days empty), overrides by date, blocked periods.</summary>
public sealed record AvailabilityResponse(
    IReadOnlyDictionary<string, List<TimeRangeResponse>> Weekly,
    IReadOnlyList<DateOverrideResponse> Overrides,
    IReadOnlyList<BlockedPeriodResponse> Blocked)
{
    private static readonly string[] DayNames = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

    public static AvailabilityResponse From(Availability availability)
    {
        ArgumentNullException.ThrowIfNull(availability);
        var weekly = new Dictionary<string, List<TimeRangeResponse>>(StringComparer.Ordinal);
        for (var i = 0; i < DayNames.Length; i++)
        {
            weekly[DayNames[i]] = TimeRangeResponse.From(availability.Weekly.For((IsoDayOfWeek)(i + 1)));
        }

        return new(
            weekly,
            [.. availability.Overrides.Select(o => new DateOverrideResponse(LocalDatePattern.Iso.Format(o.Date), TimeRangeResponse.From(o.Intervals)))],
            [.. availability.Blocked.Select(b => new BlockedPeriodResponse(
                InstantPattern.ExtendedIso.Format(b.Interval.Start), InstantPattern.ExtendedIso.Format(b.Interval.End), b.Reason))]);
    }
}

/// <summary>
/// An event type as the API returns it, every default filled in (the request shape of
/// <c>PUT …/event-types/{eventType}</c>, so a client can send back what it read).
/// </summary>
public sealed record EventTypeResponse(
    string Title,
    string Description,
    int DurationMinutes,
    int SlotIntervalMinutes,
    int BufferBeforeMinutes,
    int BufferAfterMinutes,
    int MinimumNoticeMinutes,
    int? BookingWindowDays,
    string? BookingWindowStart,
    string? BookingWindowEnd,
    int? MaxBookingsPerDay,
    PriceResponse? Price,
    IReadOnlyList<int> ReminderOffsetsMinutes,
    bool Active,
    EventLocationResponse? Location,
    IReadOnlyList<DurationOptionResponse> DurationOptions,
    IReadOnlyList<QuestionResponse> Questions,
    ClientPolicyResponse? ClientPolicy,
    bool RequiresApproval,
    PaymentResponse Payment,
    int? Seats,
    string LimitsCount)
{
    public static EventTypeResponse From(EventType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var fixedWindow = type.BookingWindow as FixedBookingWindow;
        return new(
            type.Title,
            type.Description,
            (int)type.Duration.TotalMinutes,
            (int)type.SlotInterval.TotalMinutes,
            (int)type.BufferBefore.TotalMinutes,
            (int)type.BufferAfter.TotalMinutes,
            (int)type.MinimumNotice.TotalMinutes,
            (type.BookingWindow as RollingBookingWindow)?.Days,
            fixedWindow is null ? null : LocalDatePattern.Iso.Format(fixedWindow.FirstDate),
            fixedWindow is null ? null : LocalDatePattern.Iso.Format(fixedWindow.LastDate),
            type.MaxBookingsPerDay,
            PriceResponse.From(type.Price),
            type.ReminderOffsetsMinutes,
            type.Active,
            EventLocationResponse.From(type.Location),
            [.. type.DurationOptions.Select(o => new DurationOptionResponse(o.Minutes, PriceResponse.From(o.Price)))],
            QuestionResponse.From(type.Questions),
            ClientPolicyResponse.From(type.ClientPolicy),
            type.RequiresApproval,
            new PaymentResponse(type.PaymentRequired),
            type.Seats,
            LimitsCounts.Name(type.LimitsCount));
    }
}

/// <summary>An event type's payment settings: <c>required</c> = paid at booking time.</summary>
public sealed record PaymentResponse(bool Required);

/// <summary>
/// The public profile a booking page shows (<c>GET /api/hosts/{host}</c>): no email, no key, no bookings.
/// <paramref name="ProofOfWork"/> tells the page to show the proof-of-work widget (bookings need its solution).
/// </summary>
public sealed record PublicHostResponse(string Slug, string Name, string TimeZone, IReadOnlyList<PublicEventTypeResponse> EventTypes, string Bio, string? ImageUrl, string Locale, bool ProofOfWork)
{
    public static PublicHostResponse From(PublicHostProfile profile, bool proofOfWork)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return new(
            profile.Slug.Value,
            profile.Profile.Name,
            profile.Profile.TimeZone.Id,
            [.. profile.EventTypes.Select(e => PublicEventTypeResponse.From(e.Slug, e.Type))],
            profile.Profile.Bio,
            Photos.PhotoAddress.ImageUrlOf(profile),
            profile.Profile.Locale,
            proofOfWork);
    }
}

/// <summary>
/// An active event type as the public booking page sees it; <paramref name="LocationKind"/> says how the meeting happens
/// (the place itself is in the booking once made), null when not said; <paramref name="DurationOptions"/> lists every
/// length offered (the default included) with the price it costs; <paramref name="Questions"/> what the form asks;
/// <paramref name="RequiresApproval"/> and <paramref name="Payment"/> whether a booking waits for the host's answer or for payment;
/// <paramref name="Seats"/> how many clients share one slot (null: one).
/// </summary>
public sealed record PublicEventTypeResponse(
    string Slug,
    string Title,
    string Description,
    int DurationMinutes,
    PriceResponse? Price,
    string? LocationKind,
    IReadOnlyList<DurationOptionResponse> DurationOptions,
    IReadOnlyList<QuestionResponse> Questions,
    bool RequiresApproval,
    PaymentResponse Payment,
    int? Seats)
{
    /// <summary>The event type <paramref name="slug"/> as a booking page sees it.</summary>
    public static PublicEventTypeResponse From(string slug, EventType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return new(
            slug,
            type.Title,
            type.Description,
            (int)type.Duration.TotalMinutes,
            PriceResponse.From(type.Price),
            type.Location is { } l ? LocationKinds.Name(l.Kind) : null,
            [.. type.OfferedDurations.Select(o => new DurationOptionResponse(o.Minutes, PriceResponse.From(o.Price ?? type.Price)))],
            QuestionResponse.From(type.Questions),
            type.RequiresApproval,
            new PaymentResponse(type.PaymentRequired),
            type.Seats);
    }
}

/// <summary>An event type's client change policy (null: none); each field null = no limit.</summary>
public sealed record ClientPolicyResponse(int? CancelNoticeMinutes, int? RescheduleNoticeMinutes, int? MaxReschedules)
{
    public static ClientPolicyResponse? From(ClientPolicy policy) =>
        policy == ClientPolicy.None
            ? null
            : new((int?)policy.CancelNotice?.TotalMinutes, (int?)policy.RescheduleNotice?.TotalMinutes, policy.MaxReschedules);
}

/// <summary>One length of an event type: <c>{ minutes, price }</c> (price null: the event type's, or free).</summary>
public sealed record DurationOptionResponse(int Minutes, PriceResponse? Price);
