using NodaTime;
using Schedly.Core.Locations;
using Schedly.Core.Questions;
using Schedly.Core.Validation;

namespace Schedly.Core.Scheduling;

/// <summary>
/// An event type as a client sent it (PUT /api/admin/hosts/{host}/event-types/{eventType}). Defaults for missing
/// (null) fields, also listed in docs/SLOTS.md:
/// <list type="bullet">
/// <item><c>description</c>: "" (at most 2,000 characters, line breaks allowed).</item>
/// <item><c>durationMinutes</c>: 30; must be in 1..1440.</item>
/// <item><c>slotIntervalMinutes</c>: the duration; must be in 1..1440.</item>
/// <item><c>bufferBeforeMinutes</c>, <c>bufferAfterMinutes</c>: 0; each in 0..1440.</item>
/// <item><c>minimumNoticeMinutes</c>: 0; in 0..525600 (365 days).</item>
/// <item>Booking window: rolling <c>bookingWindowDays</c> = 60 (1..730) unless a fixed window is given by
/// <c>bookingWindowStart</c> and <c>bookingWindowEnd</c> (host-local dates, both inclusive); giving both kinds is an error.</item>
/// <item><c>maxBookingsPerDay</c>: null = no limit; otherwise 1..1000.</item>
/// <item><c>price</c>: null = free.</item>
/// <item><c>reminderOffsetsMinutes</c>: [1440, 60]; at most 5 distinct values in 1..43200 (30 days); [] = no reminders.</item>
/// <item><c>active</c>: true.</item>
/// <item><c>location</c>: null = not said; otherwise see <see cref="LocationDraft"/>.</item>
/// <item><c>durationOptions</c>: null or [] = only <c>durationMinutes</c>; otherwise 1..10 distinct lengths
/// <c>{ minutes, price? }</c> (minutes 1..1440, price null = the event type's <c>price</c>); <c>durationMinutes</c> must
/// be one of them and defaults to the first.</item>
/// <item><c>questions</c>: [] = none; see <see cref="BookingQuestionDraft"/>.</item>
/// <item><c>clientPolicy</c>: null = no rules; see <see cref="ClientPolicyDraft"/>.</item>
/// <item><c>requiresApproval</c>: false; true = bookings wait for the host's answer (<c>pendingApproval</c>).</item>
/// <item><c>payment</c>: <c>{ required: false }</c>; required = bookings are paid at booking time (<c>pendingPayment</c>
/// until paid); needs a price above zero for every length offered, and cannot be combined with <c>requiresApproval</c>.</item>
/// <item><c>seats</c>: null = one client per slot; otherwise 1..1000 clients share one slot, each seat its own booking.</item>
/// <item><c>limitsCount</c>: <c>sessions</c> (default) or <c>attendees</c>: what <c>maxBookingsPerDay</c> counts for a
/// seated type (a session once, or every seat).</item>
/// </list>
/// <c>title</c> is required (1..200 characters, one line).
/// </summary>
public sealed record EventTypeDraft
{
    public const int DefaultDurationMinutes = 30;
    public const int DefaultBookingWindowDays = 60;
    public const int MaxMaxBookingsPerDay = 1000;
    public const int MaxReminderOffsetMinutes = 43_200;
    public static readonly IReadOnlyList<int> DefaultReminderOffsetsMinutes = [1440, 60];

    public string? Title { get; init; }

    public string? Description { get; init; }

    public int? DurationMinutes { get; init; }

    public int? SlotIntervalMinutes { get; init; }

    public int? BufferBeforeMinutes { get; init; }

    public int? BufferAfterMinutes { get; init; }

    public int? MinimumNoticeMinutes { get; init; }

    public int? BookingWindowDays { get; init; }

    public string? BookingWindowStart { get; init; }

    public string? BookingWindowEnd { get; init; }

    public int? MaxBookingsPerDay { get; init; }

    public PriceDraft? Price { get; init; }

    public IReadOnlyList<int>? ReminderOffsetsMinutes { get; init; }

    public bool? Active { get; init; }

    public LocationDraft? Location { get; init; }

    public IReadOnlyList<DurationOptionDraft?>? DurationOptions { get; init; }

    public IReadOnlyList<BookingQuestionDraft?>? Questions { get; init; }

    public ClientPolicyDraft? ClientPolicy { get; init; }

    public bool? RequiresApproval { get; init; }

    public PaymentDraft? Payment { get; init; }

    public int? Seats { get; init; }

    public string? LimitsCount { get; init; }

    public Validated<EventType> Validate()
    {
        var errors = new ValidationErrors();
        var title = TextRules.RequiredLine(Title, "title", EventType.MaxTitleLength, errors);
        var description = ValidateDescription(errors);
        var options = ValidateDurationOptions(errors);
        var duration = Minutes(DurationMinutes ?? options?.FirstOrDefault()?.Minutes ?? DefaultDurationMinutes, "durationMinutes", 1, 1440, errors);
        if (duration is { } chosen && options is { Count: > 0 } && !options.Any(o => o.Minutes == chosen.Minutes))
        {
            errors.Add("durationMinutes", "Must be one of the durationOptions' minutes (the default length).");
        }

        var interval = Minutes(SlotIntervalMinutes ?? duration?.Minutes ?? 1, "slotIntervalMinutes", 1, 1440, errors);
        var before = Minutes(BufferBeforeMinutes ?? 0, "bufferBeforeMinutes", 0, 1440, errors);
        var after = Minutes(BufferAfterMinutes ?? 0, "bufferAfterMinutes", 0, 1440, errors);
        var notice = Minutes(MinimumNoticeMinutes ?? 0, "minimumNoticeMinutes", 0, 525_600, errors);
        var window = ValidateWindow(errors);
        if (MaxBookingsPerDay is { } max && (max < 1 || max > MaxMaxBookingsPerDay))
        {
            errors.Add("maxBookingsPerDay", $"Must be null (no limit) or between 1 and {MaxMaxBookingsPerDay}.");
        }

        var price = Price?.Validate("price", errors);
        var reminders = ValidateReminders(errors);
        var location = Location?.Validate("location", errors);
        var questions = BookingQuestionDraft.ValidateAll(Questions, errors);
        var policy = ClientPolicy is null ? Scheduling.ClientPolicy.None : ClientPolicy.Validate("clientPolicy", errors);
        var paymentRequired = Payment?.Required ?? false;
        if (paymentRequired && (RequiresApproval ?? false))
        {
            errors.Add("requiresApproval", "An event type is either paid at booking time or approved by the host, not both.");
        }

        var lengths = options is { Count: > 0 } ? options.Select(o => o.Price ?? price) : [price];
        if (paymentRequired && lengths.Any(p => p is not { Amount: > 0 }))
        {
            errors.Add("payment.required", "A paid event type needs a price above zero (for every length offered).");
        }
        if (Seats is { } seats && seats is < 1 or > EventType.MaxSeats)
        {
            errors.Add("seats", $"Must be null (one client per slot) or between 1 and {EventType.MaxSeats}.");
        }

        var limitsCount = LimitsCount is null ? Scheduling.LimitsCount.Sessions : LimitsCounts.Parse(LimitsCount);
        if (limitsCount is null)
        {
            errors.Add("limitsCount", "Must be \"sessions\" or \"attendees\".");
        }

        if (!errors.IsEmpty)
        {
            return Validated<EventType>.Invalid(errors);
        }

        return Validated<EventType>.Valid(new EventType
        {
            Title = title!,
            Description = description!,
            Duration = duration!.Value.Value,
            SlotInterval = interval!.Value.Value,
            BufferBefore = before!.Value.Value,
            BufferAfter = after!.Value.Value,
            MinimumNotice = notice!.Value.Value,
            BookingWindow = window!,
            MaxBookingsPerDay = MaxBookingsPerDay,
            Price = price,
            ReminderOffsetsMinutes = reminders!,
            Active = Active ?? true,
            Location = location,
            DurationOptions = options!,
            Questions = questions!,
            ClientPolicy = policy!,
            RequiresApproval = RequiresApproval ?? false,
            PaymentRequired = paymentRequired,
            Seats = Seats,
            LimitsCount = limitsCount!.Value,
        });
    }

    private static (int Minutes, Duration Value)? Minutes(int value, string field, int min, int max, ValidationErrors errors)
    {
        if (value < min || value > max)
        {
            errors.Add(field, $"Must be a whole number of minutes between {min} and {max}.");
            return null;
        }

        return (value, Duration.FromMinutes(value));
    }

    private string? ValidateDescription(ValidationErrors errors)
    {
        var text = Description?.Trim() ?? "";
        if (text.Length > EventType.MaxDescriptionLength)
        {
            errors.Add("description", $"At most {EventType.MaxDescriptionLength} characters.");
            return null;
        }

        if (TextRules.HasForbiddenControlCharacters(text, multiLine: true))
        {
            errors.Add("description", "Must not contain control characters.");
            return null;
        }

        return text;
    }

    private BookingWindow? ValidateWindow(ValidationErrors errors)
    {
        var hasFixed = BookingWindowStart is not null || BookingWindowEnd is not null;
        if (hasFixed && BookingWindowDays is not null)
        {
            errors.Add("bookingWindowDays", "Give either bookingWindowDays (rolling) or bookingWindowStart and bookingWindowEnd (fixed), not both.");
            return null;
        }

        if (!hasFixed)
        {
            var days = BookingWindowDays ?? DefaultBookingWindowDays;
            if (days < 1 || days > RollingBookingWindow.MaxDays)
            {
                errors.Add("bookingWindowDays", $"Must be between 1 and {RollingBookingWindow.MaxDays} days.");
                return null;
            }

            return new RollingBookingWindow(days);
        }

        var first = SchedulingPatterns.RequiredDate(BookingWindowStart, "bookingWindowStart", errors);
        var last = SchedulingPatterns.RequiredDate(BookingWindowEnd, "bookingWindowEnd", errors);
        if (first is not { } f || last is not { } l)
        {
            return null;
        }

        if (l < f)
        {
            errors.Add("bookingWindowEnd", "Must not be before bookingWindowStart.");
            return null;
        }

        return new FixedBookingWindow(f, l);
    }

    private List<DurationOption>? ValidateDurationOptions(ValidationErrors errors)
    {
        var drafts = DurationOptions ?? [];
        if (drafts.Count > EventType.MaxDurationOptions)
        {
            errors.Add("durationOptions", $"At most {EventType.MaxDurationOptions} lengths.");
            return null;
        }

        var options = new List<DurationOption>();
        for (var i = 0; i < drafts.Count; i++)
        {
            var field = SchedulingPatterns.Index("durationOptions", i);
            if (drafts[i] is not { } draft)
            {
                errors.Add(field, "Required: { minutes, price? }.");
            }
            else if (draft.Validate(field, errors) is { } option)
            {
                if (options.Exists(o => o.Length == option.Length))
                {
                    errors.Add(field + ".minutes", "Each length once.");
                }
                else
                {
                    options.Add(option);
                }
            }
        }

        return options;
    }

    private int[]? ValidateReminders(ValidationErrors errors)
    {
        var offsets = ReminderOffsetsMinutes ?? DefaultReminderOffsetsMinutes;
        if (offsets.Count > EventType.MaxReminderOffsets)
        {
            errors.Add("reminderOffsetsMinutes", $"At most {EventType.MaxReminderOffsets} reminders.");
            return null;
        }

        var valid = true;
        for (var i = 0; i < offsets.Count; i++)
        {
            var field = SchedulingPatterns.Index("reminderOffsetsMinutes", i);
            if (offsets[i] < 1 || offsets[i] > MaxReminderOffsetMinutes)
            {
                errors.Add(field, $"Must be between 1 and {MaxReminderOffsetMinutes} minutes.");
                valid = false;
            }
            else if (offsets.Take(i).Contains(offsets[i]))
            {
                errors.Add(field, "Duplicate reminder offset.");
                valid = false;
            }
        }

        return valid ? offsets.ToArray() : null;
    }
}
