using System.Globalization;
using NodaTime;
using Schedly.Core.Scheduling;
using Schedly.Core.Validation;

namespace Schedly.Core.Bookings;

/// <summary>
/// A host's booking-list query as sent: host-local dates <c>start</c>..<c>end</c> (both inclusive; default today
/// and <see cref="DefaultRangeDays"/> days on; at most <see cref="MaxRangeDays"/>), <c>status</c> (one or more of the
/// statuses' wire names, comma-separated, <see cref="BookingStatuses"/>; default all), <c>email</c> (part of the
/// client's email, any case; at most <see cref="MaxEmailLength"/> characters), <c>pageSize</c>
/// (1..<see cref="MaxPageSize"/>, default <see cref="DefaultPageSize"/>) and the <c>continuationToken</c> of the previous page.
/// </summary>
public sealed record BookingListDraft(string? Start, string? End, string? Status, string? PageSize, string? ContinuationToken, string? Email = null)
{
    public const int MaxEmailLength = 254;
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

        var statuses = new List<BookingStatus>();
        foreach (var name in (Status ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (BookingStatuses.Parse(name) is { } status)
            {
                statuses.Add(status);
            }
            else
            {
                errors.Add("status", "Use confirmed, cancelled, pendingPayment, pendingApproval, declined or expired, or several of them separated by commas.");
                break;
            }
        }

        var email = Email?.Trim();
        if (email is { Length: > MaxEmailLength } || (email is not null && TextRules.HasForbiddenControlCharacters(email, multiLine: false)))
        {
            errors.Add("email", $"At most {MaxEmailLength} characters, without control characters.");
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
            ? Validated<BookingListQuery>.Valid(new BookingListQuery(from, to, statuses.Distinct().ToList(), size, ContinuationToken, email is { Length: > 0 } ? email : null))
            : Validated<BookingListQuery>.Invalid(errors);
    }
}

/// <summary>
/// A valid booking-list query: host-local dates (both inclusive), the statuses wanted (empty: all), the page size and
/// token, and the part of the client's email to look for (null: any).
/// </summary>
public sealed record BookingListQuery(LocalDate From, LocalDate To, IReadOnlyList<BookingStatus> Statuses, int PageSize, string? ContinuationToken, string? Email)
{
    /// <summary>True when the booking's client email contains <see cref="Email"/> (any case), or no email is asked for.</summary>
    public bool MatchesEmail(Booking booking)
    {
        ArgumentNullException.ThrowIfNull(booking);
        return Email is null || booking.Client.Email.Contains(Email, StringComparison.OrdinalIgnoreCase);
    }
}
