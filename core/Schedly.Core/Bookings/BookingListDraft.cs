using System.Globalization;
using NodaTime;
using Schedly.Core.Scheduling;
using Schedly.Core.Validation;

namespace Schedly.Core.Bookings;

/// <summary>
/// A host's booking-list query as sent: host-local dates <c>start</c>..<c>end</c> (both inclusive; default today
/// and <see cref="DefaultRangeDays"/> days on; at most <see cref="MaxRangeDays"/>), <c>status</c> (one of the
/// statuses' wire names, <see cref="BookingStatuses"/>; default all), <c>pageSize</c> (1..<see cref="MaxPageSize"/>, default
/// <see cref="DefaultPageSize"/>) and the <c>continuationToken</c> of the previous page.
/// </summary>
public sealed record BookingListDraft(string? Start, string? End, string? Status, string? PageSize, string? ContinuationToken)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;
    public const int DefaultRangeDays = 90;
    public const int MaxRangeDays = 366;
    private const int MaxTokenLength = 1024;

    /// <param name="today">The host-local date the default range starts on.</param>
    public Validated<BookingListQuery> Validate(LocalDate today)
    {
        var errors = new ValidationErrors();
        var from = SchedulingPatterns.OptionalDate(Start, "start", errors) ?? today;
        var to = SchedulingPatterns.OptionalDate(End, "end", errors) ?? from.PlusDays(DefaultRangeDays);
        SchedulingPatterns.CheckDateRange(from, to, MaxRangeDays, errors);

        var status = BookingStatuses.Parse(Status);
        if (Status is { Length: > 0 } && status is null)
        {
            errors.Add("status", "Use confirmed, cancelled, pendingPayment, pendingApproval, declined or expired.");
        }

        var size = DefaultPageSize;
        if (PageSize is { Length: > 0 } && (!int.TryParse(PageSize, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size is < 1 or > MaxPageSize))
        {
            errors.Add("pageSize", $"A whole number from 1 to {MaxPageSize}.");
        }

        if (ContinuationToken is { Length: > MaxTokenLength })
        {
            errors.Add("continuationToken", "Not a token this API issued.");
        }

        return errors.IsEmpty
            ? Validated<BookingListQuery>.Valid(new BookingListQuery(from, to, status, size, ContinuationToken))
            : Validated<BookingListQuery>.Invalid(errors);
    }
}

/// <summary>A valid booking-list query: host-local dates (both inclusive), an optional status, the page size and token.</summary>
public sealed record BookingListQuery(LocalDate From, LocalDate To, BookingStatus? Status, int PageSize, string? ContinuationToken);
