using NodaTime;
using Schedly.Core.Locations;
using Schedly.Core.Questions;

namespace Schedly.Core.Scheduling;

/// <summary>
/// A kind of appointment a host offers, with the rules the slot engine applies. Build one from client input with
/// <see cref="EventTypeDraft.Validate"/>, which also documents the defaults.
/// </summary>
public sealed record EventType
{
    public const int MaxTitleLength = 200;
    public const int MaxDescriptionLength = 2000;

    /// <summary>Longest duration and slot interval: 24 hours.</summary>
    public static readonly Duration MaxDuration = Duration.FromHours(24);

    /// <summary>Longest buffer before or after a booking: 24 hours (also bounds busy-window widening).</summary>
    public static readonly Duration MaxBuffer = Duration.FromHours(24);

    /// <summary>Longest minimum notice: 365 days.</summary>
    public static readonly Duration MaxMinimumNotice = Duration.FromDays(365);

    public const int MaxReminderOffsets = 5;

    /// <summary>Most lengths one event type may offer.</summary>
    public const int MaxDurationOptions = 10;

    /// <summary>Most clients one seated slot may take.</summary>
    public const int MaxSeats = 1000;

    private readonly Duration _duration;
    private readonly Duration _slotInterval;
    private readonly Duration _bufferBefore;
    private readonly Duration _bufferAfter;
    private readonly Duration _minimumNotice;
    private readonly BookingWindow _bookingWindow = null!;
    private readonly int? _maxBookingsPerDay;
    private readonly int? _seats;

    public required string Title { get; init; }

    public string Description { get; init; } = "";

    /// <summary>Length of a booking, in (0, 24 h].</summary>
    public required Duration Duration
    {
        get => _duration;
        init => _duration = Positive(value, MaxDuration, nameof(Duration));
    }

    /// <summary>Step between consecutive slot starts within an availability interval, in (0, 24 h].</summary>
    public required Duration SlotInterval
    {
        get => _slotInterval;
        init => _slotInterval = Positive(value, MaxDuration, nameof(SlotInterval));
    }

    /// <summary>Free time required before a booking; part of its busy span. ≥ 0, ≤ 24 h.</summary>
    public Duration BufferBefore
    {
        get => _bufferBefore;
        init => _bufferBefore = NonNegative(value, MaxBuffer, nameof(BufferBefore));
    }

    /// <summary>Free time required after a booking; part of its busy span. ≥ 0, ≤ 24 h.</summary>
    public Duration BufferAfter
    {
        get => _bufferAfter;
        init => _bufferAfter = NonNegative(value, MaxBuffer, nameof(BufferAfter));
    }

    /// <summary>A slot start must be at or after now + this. ≥ 0.</summary>
    public Duration MinimumNotice
    {
        get => _minimumNotice;
        init => _minimumNotice = NonNegative(value, MaxMinimumNotice, nameof(MinimumNotice));
    }

    public required BookingWindow BookingWindow
    {
        get => _bookingWindow;
        init => _bookingWindow = value ?? throw new ArgumentNullException(nameof(BookingWindow));
    }

    /// <summary>
    /// At most this many bookings of this event type on one host-local date (by the booking's start); null: no limit.
    /// </summary>
    public int? MaxBookingsPerDay
    {
        get => _maxBookingsPerDay;
        init => _maxBookingsPerDay = value is null or >= 1
            ? value
            : throw new ArgumentOutOfRangeException(nameof(MaxBookingsPerDay), value, "Null (no limit) or at least 1.");
    }

    /// <summary>Null: free.</summary>
    public Price? Price { get; init; }

    /// <summary>Minutes before the start at which reminders go out; distinct, positive, at most five.</summary>
    public IReadOnlyList<int> ReminderOffsetsMinutes { get; init; } = [1440, 60];

    /// <summary>
    /// The lengths a client may choose, each with its own price (null: <see cref="Price"/>); <see cref="Duration"/> is
    /// one of them, the default. Empty: only <see cref="Duration"/> at <see cref="Price"/>.
    /// </summary>
    public IReadOnlyList<DurationOption> DurationOptions { get; init; } = [];

    /// <summary>Every length offered, the default included (at least one).</summary>
    public IReadOnlyList<DurationOption> OfferedDurations => DurationOptions.Count > 0 ? DurationOptions : [new DurationOption(Duration, Price)];

    /// <summary>The rules for the client's own cancellations and reschedules; bookings keep the policy they were made under.</summary>
    public ClientPolicy ClientPolicy { get; init; } = ClientPolicy.None;

    /// <summary>What the booking form asks, in order; empty: nothing beyond name, email and notes.</summary>
    public IReadOnlyList<BookingQuestion> Questions { get; init; } = [];

    /// <summary>Where meetings happen; null: not said (the host arranges it).</summary>
    public MeetingLocation? Location { get; init; }

    /// <summary>True: bookings start <see cref="Bookings.BookingStatus.PendingApproval"/> and wait for the host's answer.</summary>
    public bool RequiresApproval { get; init; }

    /// <summary>True: bookings start <see cref="Bookings.BookingStatus.PendingPayment"/> and are confirmed by payment (every length offered has a price above zero).</summary>
    public bool PaymentRequired { get; init; }

    /// <summary>
    /// Null: one client per slot. A number in 1..<see cref="MaxSeats"/>: that many clients share one slot, each seat its
    /// own booking (see <see cref="SeatedSlots"/>).
    /// </summary>
    public int? Seats
    {
        get => _seats;
        init => _seats = value is null or (>= 1 and <= MaxSeats)
            ? value
            : throw new ArgumentOutOfRangeException(nameof(Seats), value, $"Null (not seated) or 1..{MaxSeats}.");
    }

    /// <summary>What <see cref="MaxBookingsPerDay"/> counts for a seated type: sessions (default) or attendees.</summary>
    public LimitsCount LimitsCount { get; init; } = LimitsCount.Sessions;

    /// <summary>An inactive event type offers no slots.</summary>
    public bool Active { get; init; } = true;

    /// <summary>
    /// This event type as booked for <paramref name="minutes"/> (null: the default <see cref="Duration"/>): that length
    /// and its price, everything else unchanged, so slots, buffers, claims, daily limits and revenue follow the chosen
    /// length. Null when the length is not offered.
    /// </summary>
    public EventType? Lasting(int? minutes)
    {
        var wanted = minutes is { } m ? Duration.FromMinutes(m) : Duration;
        var option = OfferedDurations.FirstOrDefault(o => o.Length == wanted);
        return option is null ? null : this with { Duration = option.Length, Price = option.Price ?? Price };
    }

    /// <summary>This event type lasting exactly <paramref name="length"/> (a booking's own length when it moves), at the price that length is offered at.</summary>
    public EventType Lasting(Duration length) =>
        this with { Duration = length, Price = OfferedDurations.FirstOrDefault(o => o.Length == length)?.Price ?? Price };

    private static Duration Positive(Duration value, Duration max, string name) =>
        value > Duration.Zero && value <= max
            ? value
            : throw new ArgumentOutOfRangeException(name, value, $"Must be more than zero and at most {max}.");

    private static Duration NonNegative(Duration value, Duration max, string name) =>
        value >= Duration.Zero && value <= max
            ? value
            : throw new ArgumentOutOfRangeException(name, value, $"Must be at least zero and at most {max}.");
}
