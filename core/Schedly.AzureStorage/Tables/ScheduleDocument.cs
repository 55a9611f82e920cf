using System.Globalization;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using Schedly.Core.Hosts;
using Schedly.Core.Locations;
using Schedly.Core.Questions;
using Schedly.Core.Scheduling;

namespace Schedly.AzureStorage.Tables;

/// <summary>
/// The storage form of a host's schedule, in the <c>Availability</c> and <c>EventTypes</c> JSON columns of its
/// <c>profile</c> row, with <c>ScheduleVersion</c> naming the shape. Version 2 (written now) and version 1 (the
/// validated drafts earlier releases stored, no version column) share their field names, so one reader serves
/// both. Reading is lenient on purpose: it rebuilds the models without re-applying the API's input rules, so a
/// rule tightened later never makes a stored schedule unreadable; an entry that cannot form a model at all
/// (a corrupted row) is left out rather than failing the host's every request.
/// </summary>
internal static class ScheduleDocument
{
    public const int CurrentVersion = 2;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly string[] DayNames = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

    public static string WriteAvailability(Availability availability) => JsonSerializer.Serialize(ToDocument(availability), Json);

    public static string WriteEventTypes(IReadOnlyDictionary<string, EventType> types) =>
        JsonSerializer.Serialize(types.ToDictionary(t => t.Key, t => ToDocument(t.Value), StringComparer.Ordinal), Json);

    public static HostSchedule Read(string? availabilityJson, string? eventTypesJson)
    {
        var availability = availabilityJson is null ? null : JsonSerializer.Deserialize<AvailabilityDoc>(availabilityJson, Json);
        var types = eventTypesJson is null ? null : JsonSerializer.Deserialize<Dictionary<string, EventTypeDoc>>(eventTypesJson, Json);
        var models = new Dictionary<string, EventType>(StringComparer.Ordinal);
        foreach (var (slug, doc) in types ?? [])
        {
            if (ToModel(doc) is { } type)
            {
                models[slug] = type;
            }
        }

        return new HostSchedule(availability is null ? Availability.None : ToModel(availability), models);
    }

    private static AvailabilityDoc ToDocument(Availability availability) => new(
        DayNames.Select((name, i) => (name, ranges: availability.Weekly.For((IsoDayOfWeek)(i + 1))))
            .ToDictionary(d => d.name, d => (List<RangeDoc?>?)Ranges(d.ranges), StringComparer.Ordinal),
        [.. availability.Overrides.Select(o => new OverrideDoc(LocalDatePattern.Iso.Format(o.Date), Ranges(o.Intervals)))],
        [.. availability.Blocked.Select(b => new BlockedDoc(InstantPattern.ExtendedIso.Format(b.Interval.Start), InstantPattern.ExtendedIso.Format(b.Interval.End), b.Reason))]);

    private static List<RangeDoc?> Ranges(IEnumerable<LocalTimeRange> ranges) => [.. ranges.Select(r => new RangeDoc(r.StartText, r.EndText))];

    private static EventTypeDoc ToDocument(EventType type)
    {
        var fixedWindow = type.BookingWindow as FixedBookingWindow;
        return new EventTypeDoc(
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
            ToDocument(type.Price),
            [.. type.ReminderOffsetsMinutes],
            type.Active,
            type.Location is { } location ? new LocationDoc(LocationKinds.Name(location.Kind), location.Value) : null,
            [.. type.DurationOptions.Select(o => new DurationOptionDoc(o.Minutes, ToDocument(o.Price)))],
            [.. type.Questions.Select(q => new QuestionDoc(q.Id, q.Label, QuestionTypes.Name(q.Type), q.Required, [.. q.Options.Select(o => new OptionDoc(o.Id, o.Label))]))],
            type.ClientPolicy == ClientPolicy.None ? null : new PolicyDoc(
                (int?)type.ClientPolicy.CancelNotice?.TotalMinutes, (int?)type.ClientPolicy.RescheduleNotice?.TotalMinutes, type.ClientPolicy.MaxReschedules))
        {
            RequiresApproval = type.RequiresApproval ? true : null,
            PaymentRequired = type.PaymentRequired ? true : null,
            Seats = type.Seats,
            LimitsCount = type.LimitsCount == LimitsCount.Sessions ? null : LimitsCounts.Name(type.LimitsCount),
        };
    }

    private static PriceDoc? ToDocument(Price? price) =>
        price is null ? null : new PriceDoc(price.Amount.ToString("0.00", CultureInfo.InvariantCulture), price.Currency);

    private static Price? ToModel(PriceDoc? doc) =>
        doc is { Amount: { } amount, Currency: { } currency }
            ? new Price(decimal.Parse(amount, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture), currency)
            : null;

    /// <summary>The readable lengths, each once; when the default length is not among them (a corrupted row) none, so it stays bookable at its default.</summary>
    private static List<DurationOption> ToModel(List<DurationOptionDoc?>? docs, Duration duration)
    {
        var options = new List<DurationOption>();
        foreach (var doc in docs ?? [])
        {
            if (doc?.Minutes is { } minutes && minutes is > 0 and <= 1440 && !options.Exists(o => o.Minutes == minutes))
            {
                options.Add(new DurationOption(Duration.FromMinutes(minutes), ToModel(doc.Price)));
            }
        }

        return options.Exists(o => o.Length == duration) ? options : [];
    }

    /// <summary>The readable questions, each id once; a question of an unknown type or without options it needs is left out.</summary>
    private static List<BookingQuestion> ToModel(List<QuestionDoc?>? docs)
    {
        var questions = new List<BookingQuestion>();
        foreach (var doc in docs ?? [])
        {
            if (doc is { Id: { } id, Label: { } label } && QuestionTypes.Parse(doc.Type) is { } type && !questions.Exists(q => q.Id == id))
            {
                var options = (doc.Options ?? []).Where(o => o is { Id: not null, Label: not null }).Select(o => new QuestionOption(o!.Id!, o.Label!)).ToList();
                if (!QuestionTypes.HasOptions(type) || options.Count > 0)
                {
                    questions.Add(new BookingQuestion(id, label, type, doc.Required ?? false, options));
                }
            }
        }

        return questions;
    }

    private static Availability ToModel(AvailabilityDoc doc)
    {
        var weekly = new Dictionary<IsoDayOfWeek, IReadOnlyList<LocalTimeRange>>();
        foreach (var (name, ranges) in doc.Weekly ?? [])
        {
            var index = Array.IndexOf(DayNames, name);
            if (index >= 0)
            {
                weekly[(IsoDayOfWeek)(index + 1)] = ToRanges(ranges);
            }
        }

        var overrides = new List<DateOverride>();
        foreach (var o in doc.Overrides ?? [])
        {
            if (o is not null && LocalDatePattern.Iso.Parse(o.Date ?? "") is { Success: true } date && overrides.TrueForAll(x => x.Date != date.Value))
            {
                overrides.Add(new DateOverride(date.Value, ToRanges(o.Intervals)));
            }
        }

        var blocked = new List<BlockedPeriod>();
        foreach (var b in doc.Blocked ?? [])
        {
            if (b is not null && ParseInstant(b.Start) is { } start && ParseInstant(b.End) is { } end && end > start)
            {
                blocked.Add(new BlockedPeriod(new Interval(start, end), b.Reason));
            }
        }

        return new Availability(new WeeklyHours(weekly), overrides, blocked);
    }

    /// <summary>The readable ranges, sorted, each kept only when it does not overlap the one before.</summary>
    private static List<LocalTimeRange> ToRanges(List<RangeDoc?>? docs)
    {
        var ranges = new List<LocalTimeRange>();
        foreach (var range in (docs ?? []).Select(ToRange).OfType<LocalTimeRange>().OrderBy(r => r.StartNanosecondOfDay))
        {
            if (ranges.Count == 0 || ranges[^1].EndNanosecondOfDay <= range.StartNanosecondOfDay)
            {
                ranges.Add(range);
            }
        }

        return ranges;
    }

    private static LocalTimeRange? ToRange(RangeDoc? doc)
    {
        if (doc is null || ParseTime(doc.Start) is not { } start)
        {
            return null;
        }

        if (doc.End == "24:00")
        {
            return LocalTimeRange.UntilEndOfDay(start);
        }

        return ParseTime(doc.End) is { } end && end > start ? LocalTimeRange.Of(start, end) : null;
    }

    private static EventType? ToModel(EventTypeDoc? doc)
    {
        if (doc is null)
        {
            return null;
        }

        try
        {
            var first = LocalDatePattern.Iso.Parse(doc.BookingWindowStart ?? "");
            var last = LocalDatePattern.Iso.Parse(doc.BookingWindowEnd ?? "");
            BookingWindow window = first.Success && last.Success
                ? new FixedBookingWindow(first.Value, last.Value)
                : new RollingBookingWindow(doc.BookingWindowDays ?? EventTypeDraft.DefaultBookingWindowDays);
            var duration = Duration.FromMinutes(doc.DurationMinutes ?? EventTypeDraft.DefaultDurationMinutes);
            return new EventType
            {
                Title = doc.Title ?? "",
                Description = doc.Description ?? "",
                Duration = duration,
                SlotInterval = doc.SlotIntervalMinutes is { } interval ? Duration.FromMinutes(interval) : duration,
                BufferBefore = Duration.FromMinutes(doc.BufferBeforeMinutes ?? 0),
                BufferAfter = Duration.FromMinutes(doc.BufferAfterMinutes ?? 0),
                MinimumNotice = Duration.FromMinutes(doc.MinimumNoticeMinutes ?? 0),
                BookingWindow = window,
                MaxBookingsPerDay = doc.MaxBookingsPerDay,
                Price = ToModel(doc.Price),
                ReminderOffsetsMinutes = [.. (doc.ReminderOffsetsMinutes ?? [.. EventTypeDraft.DefaultReminderOffsetsMinutes]).Where(m => m > 0).Distinct()],
                Active = doc.Active ?? true,
                Location = ToModel(doc.Location),
                DurationOptions = ToModel(doc.DurationOptions, duration),
                Questions = ToModel(doc.Questions),
                ClientPolicy = doc.ClientPolicy is { } policy
                    ? new ClientPolicy(Minutes(policy.CancelNoticeMinutes), Minutes(policy.RescheduleNoticeMinutes), policy.MaxReschedules is >= 0 ? policy.MaxReschedules : null)
                    : ClientPolicy.None,
                RequiresApproval = doc.RequiresApproval ?? false,
                PaymentRequired = doc.PaymentRequired ?? false,
                Seats = doc.Seats,
                LimitsCount = LimitsCounts.Parse(doc.LimitsCount) ?? LimitsCount.Sessions,
            };
        }
        catch (Exception e) when (e is ArgumentException or FormatException or OverflowException)
        {
            return null;
        }
    }

    /// <summary>A location of a kind this release knows, else none (the booking page then says nothing about where).</summary>
    private static MeetingLocation? ToModel(LocationDoc? doc) =>
        doc is not null && LocationKinds.Parse(doc.Kind) is { } kind && (doc.Value is not null || kind == LocationKind.GeneratedVideo)
            ? new MeetingLocation(kind, doc.Value)
            : null;

    private static Duration? Minutes(int? minutes) => minutes is >= 0 ? Duration.FromMinutes(minutes.Value) : null;

    private static LocalTime? ParseTime(string? text) =>
        LocalTimePattern.CreateWithInvariantCulture("HH':'mm").Parse(text ?? "") is { Success: true } parsed ? parsed.Value : null;

    private static Instant? ParseInstant(string? text) =>
        InstantPattern.ExtendedIso.Parse(text ?? "") is { Success: true } parsed ? parsed.Value : null;

    private sealed record AvailabilityDoc(Dictionary<string, List<RangeDoc?>?>? Weekly, List<OverrideDoc?>? Overrides, List<BlockedDoc?>? Blocked);

    private sealed record RangeDoc(string? Start, string? End);

    private sealed record OverrideDoc(string? Date, List<RangeDoc?>? Intervals);

    private sealed record BlockedDoc(string? Start, string? End, string? Reason);

    private sealed record PriceDoc(string? Amount, string? Currency);

    /// <summary>An event type's location: its kind's wire name and its one value (address, E.164 phone, URL, base URL or text).</summary>
    private sealed record LocationDoc(string? Kind, string? Value);

    private sealed record DurationOptionDoc(int? Minutes, PriceDoc? Price);

    private sealed record QuestionDoc(string? Id, string? Label, string? Type, bool? Required, List<OptionDoc?>? Options);

    private sealed record OptionDoc(string? Id, string? Label);

    private sealed record PolicyDoc(int? CancelNoticeMinutes, int? RescheduleNoticeMinutes, int? MaxReschedules);

    private sealed record EventTypeDoc(
        string? Title,
        string? Description,
        int? DurationMinutes,
        int? SlotIntervalMinutes,
        int? BufferBeforeMinutes,
        int? BufferAfterMinutes,
        int? MinimumNoticeMinutes,
        int? BookingWindowDays,
        string? BookingWindowStart,
        string? BookingWindowEnd,
        int? MaxBookingsPerDay,
        PriceDoc? Price,
        List<int>? ReminderOffsetsMinutes,
        bool? Active,
        LocationDoc? Location,
        List<DurationOptionDoc?>? DurationOptions,
        List<QuestionDoc?>? Questions,
        PolicyDoc? ClientPolicy)
    {
        /// <summary>Null (absent) on documents of earlier releases: false.</summary>
        public bool? RequiresApproval { get; init; }

        public bool? PaymentRequired { get; init; }

        /// <summary>Null: not seated.</summary>
        public int? Seats { get; init; }

        /// <summary>Null: sessions.</summary>
        public string? LimitsCount { get; init; }
    }
}
