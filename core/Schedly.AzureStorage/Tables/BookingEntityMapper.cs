using System.Globalization;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using Schedly.Core.Bookings;
using Schedly.Core.Locations;
using Schedly.Core.Questions;
using Schedly.Core.Scheduling;
using Schedly.Core.Security;

namespace Schedly.AzureStorage.Tables;

internal static class BookingEntityMapper
{
    private static readonly LocalDatePattern DatePattern = LocalDatePattern.Iso;

    public static BookingEntity ToEntity(Booking booking) => new()
    {
        PartitionKey = booking.Id.Host.Value,
        RowKey = BookingRowKeys.Booking(booking.Id.Random),
        EventType = booking.EventType,
        Start = booking.Start.ToDateTimeOffset(),
        End = booking.End.ToDateTimeOffset(),
        BufferBeforeMinutes = (int)booking.BufferBefore.TotalMinutes,
        BufferAfterMinutes = (int)booking.BufferAfter.TotalMinutes,
        Status = booking.Status.ToString(),
        NoShow = booking.NoShow,
        ClientName = booking.Client.Name,
        ClientEmail = booking.Client.Email,
        ClientTimeZone = booking.Client.TimeZone.Id,
        ClientLocale = booking.Client.Locale,
        Notes = booking.Client.Notes,
        AnswersJson = JsonSerializer.Serialize(booking.Client.Answers),
        ManageTokenHash = booking.ManageTokenHash.Hex,
        CreatedAt = booking.CreatedAt.ToDateTimeOffset(),
        UpdatedAt = booking.UpdatedAt.ToDateTimeOffset(),
        Sequence = booking.Sequence,
        HostMoves = booking.HostMoves,
        PriceAmount = booking.Price?.Amount.ToString("0.00", CultureInfo.InvariantCulture),
        PriceCurrency = booking.Price?.Currency,
        HostDate = DatePattern.Format(booking.HostDate),
        CancelReason = booking.CancelReason,
        CancelledBy = booking.CancelledBy,
        ReminderOffsets = string.Join(',', booking.ReminderOffsetsMinutes.Select(o => o.ToString(CultureInfo.InvariantCulture))),
        LocationKind = booking.Location is { } location ? LocationKinds.Name(location.Kind) : null,
        LocationDisplay = booking.Location?.Display,
        LocationUrl = booking.Location?.Url?.AbsoluteUri,
        CancelNoticeMinutes = (int?)booking.ClientPolicy.CancelNotice?.TotalMinutes,
        RescheduleNoticeMinutes = (int?)booking.ClientPolicy.RescheduleNotice?.TotalMinutes,
        MaxReschedules = booking.ClientPolicy.MaxReschedules,
        ExpiresAt = booking.ExpiresAt?.ToDateTimeOffset(),
        PaymentSessionId = booking.Payment?.SessionId,
        PaymentCheckoutUrl = booking.Payment?.CheckoutUrl.AbsoluteUri,
        PaymentIntentId = booking.Payment?.PaymentIntentId,
        PaidAt = booking.Payment?.PaidAt?.ToDateTimeOffset(),
        RefundedAt = booking.Payment?.RefundedAt?.ToDateTimeOffset(),
        RefundId = booking.Payment?.RefundId,
        TeamJson = TeamBookingDocument.Write(booking.Team),
        QuestionAnswersJson = booking.Client.QuestionAnswers.Count == 0
            ? null
            : JsonSerializer.Serialize(booking.Client.QuestionAnswers.Select(a => new AnswerDoc(a.QuestionId, a.Label, QuestionTypes.Name(a.Type), a.Value, [.. a.OptionIds]))),
    };

    /// <summary>The same booking under its <c>bystart|</c> key, for the time-sorted list.</summary>
    public static BookingEntity ToIndexEntity(Booking booking)
    {
        var entity = ToEntity(booking);
        entity.RowKey = BookingRowKeys.ByStart(booking.Start, booking.Id.Random);
        return entity;
    }

    public static Booking ToBooking(BookingEntity entity)
    {
        var random = entity.RowKey.StartsWith(BookingRowKeys.ByStartPrefix, StringComparison.Ordinal)
            ? entity.RowKey[(entity.RowKey.LastIndexOf('|') + 1)..]
            : entity.RowKey[BookingRowKeys.BookingPrefix.Length..];
        if (!BookingId.TryParse(entity.PartitionKey + "--" + random, out var id))
        {
            throw new InvalidOperationException("A stored booking has a malformed key.");
        }

        var answers = JsonSerializer.Deserialize<Dictionary<string, string>>(entity.AnswersJson) ?? [];
        return new Booking(
            id,
            entity.EventType,
            Instant.FromDateTimeOffset(entity.Start),
            Instant.FromDateTimeOffset(entity.End),
            Duration.FromMinutes(entity.BufferBeforeMinutes),
            Duration.FromMinutes(entity.BufferAfterMinutes),
            Enum.Parse<BookingStatus>(entity.Status),
            new ClientDetails(entity.ClientName, entity.ClientEmail, DateTimeZoneProviders.Tzdb[entity.ClientTimeZone], entity.Notes, answers)
            {
                QuestionAnswers = ToAnswers(entity.QuestionAnswersJson),
                Locale = entity.ClientLocale is { Length: > 0 } locale ? locale : Core.Validation.LocaleRules.Default,
            },
            ApiKeyHash.FromStored(entity.ManageTokenHash),
            Instant.FromDateTimeOffset(entity.CreatedAt),
            Instant.FromDateTimeOffset(entity.UpdatedAt),
            entity.Sequence,
            entity.PriceAmount is null || entity.PriceCurrency is null
                ? null
                : new Price(decimal.Parse(entity.PriceAmount, CultureInfo.InvariantCulture), entity.PriceCurrency),
            DatePattern.Parse(entity.HostDate).Value)
        {
            NoShow = entity.NoShow,
            HostMoves = entity.HostMoves,
            CancelReason = entity.CancelReason,
            CancelledBy = entity.CancelledBy,
            ReminderOffsetsMinutes = entity.ReminderOffsets.Split(',', StringSplitOptions.RemoveEmptyEntries)
                .Select(o => int.Parse(o, CultureInfo.InvariantCulture)).ToList(),
            Location = ToLocation(entity),
            ExpiresAt = entity.ExpiresAt is { } expiresAt ? Instant.FromDateTimeOffset(expiresAt) : null,
            Payment = ToPayment(entity),
            Team = TeamBookingDocument.Read(entity.TeamJson),
            ClientPolicy = entity.CancelNoticeMinutes is null && entity.RescheduleNoticeMinutes is null && entity.MaxReschedules is null
                ? ClientPolicy.None
                : new ClientPolicy(
                    entity.CancelNoticeMinutes is >= 0 ? Duration.FromMinutes(entity.CancelNoticeMinutes.Value) : null,
                    entity.RescheduleNoticeMinutes is >= 0 ? Duration.FromMinutes(entity.RescheduleNoticeMinutes.Value) : null,
                    entity.MaxReschedules is >= 0 ? entity.MaxReschedules : null),
        };
    }

    private static BookingPayment? ToPayment(BookingEntity entity) =>
        entity.PaymentSessionId is { Length: > 0 } session && Uri.TryCreate(entity.PaymentCheckoutUrl, UriKind.Absolute, out var url)
            ? new BookingPayment(session, url)
            {
                PaymentIntentId = entity.PaymentIntentId,
                PaidAt = entity.PaidAt is { } paid ? Instant.FromDateTimeOffset(paid) : null,
                RefundedAt = entity.RefundedAt is { } refunded ? Instant.FromDateTimeOffset(refunded) : null,
                RefundId = entity.RefundId,
            }
            : null;

    /// <summary>Lenient: answers of a type this release does not know are left out.</summary>
    private static List<BookedAnswer> ToAnswers(string? json) =>
        json is null
            ? []
            : [.. (JsonSerializer.Deserialize<List<AnswerDoc?>>(json) ?? [])
                .Where(a => a is { QuestionId: not null, Label: not null, Value: not null } && QuestionTypes.Parse(a.Type) is not null)
                .Select(a => new BookedAnswer(a!.QuestionId!, a.Label!, QuestionTypes.Parse(a.Type)!.Value, a.Value!, a.OptionIds ?? []))];

    /// <summary>Lenient: a row without a location (or of a kind this release does not know) has none.</summary>
    private static BookingLocation? ToLocation(BookingEntity entity) =>
        LocationKinds.Parse(entity.LocationKind) is { } kind && entity.LocationDisplay is { } display
            ? new BookingLocation(kind, display, Uri.TryCreate(entity.LocationUrl, UriKind.Absolute, out var url) ? url : null)
            : null;

    private sealed record AnswerDoc(string? QuestionId, string? Label, string? Type, string? Value, List<string>? OptionIds);
}
