using NodaTime;
using Schedly.Core.Scheduling;
using Schedly.Core.Validation;

namespace Schedly.Core.Bookings;

/// <summary>
/// A host's bulk cancel as sent: either <see cref="Email"/> (every upcoming booking of that client) or
/// <see cref="From"/> and <see cref="To"/> (every upcoming booking starting in that span, ISO instants, at most
/// <see cref="MaxRangeDays"/> days), never both; an optional <see cref="Reason"/> goes into each notice.
/// </summary>
public sealed record BulkCancelDraft(string? Email, string? From, string? To, string? Reason)
{
    public const int MaxRangeDays = 366;

    /// <summary>How far ahead an email's bookings are looked for: the longest booking window.</summary>
    public static readonly Duration EmailHorizon = Duration.FromDays(2 * 366);

    public Validated<BulkCancelQuery> Validate(Instant now)
    {
        var errors = new ValidationErrors();
        var reason = ManagedBookings.ValidateReason(Reason, errors);
        var byEmail = !string.IsNullOrWhiteSpace(Email);
        var byRange = From is not null || To is not null;
        if (byEmail == byRange)
        {
            errors.Add("email", "Send either email, or from and to, not both.");
            return Validated<BulkCancelQuery>.Invalid(errors);
        }

        if (byEmail)
        {
            var email = EmailAddressRules.Required(Email, "email", errors);
            return errors.IsEmpty
                ? Validated<BulkCancelQuery>.Valid(new BulkCancelQuery(email, new Interval(now, now + EmailHorizon), reason))
                : Validated<BulkCancelQuery>.Invalid(errors);
        }

        var from = Parse(From, "from", errors);
        var to = Parse(To, "to", errors);
        if (from is { } f && to is { } t && (t <= f || t - f > Duration.FromDays(MaxRangeDays)))
        {
            errors.Add("to", $"Must be after from, at most {MaxRangeDays} days later.");
        }

        return errors.IsEmpty
            ? Validated<BulkCancelQuery>.Valid(new BulkCancelQuery(null, new Interval(Max(from!.Value, now), Max(to!.Value, now)), reason))
            : Validated<BulkCancelQuery>.Invalid(errors);
    }

    private static Instant Max(Instant a, Instant b) => a > b ? a : b;

    private static Instant? Parse(string? value, string field, ValidationErrors errors)
    {
        var parsed = value is null ? null : SchedulingPatterns.Instant.Parse(value);
        if (parsed is { Success: true })
        {
            return parsed.Value;
        }

        errors.Add(field, "An instant such as 2026-07-01T00:00:00Z.");
        return null;
    }
}

/// <summary>
/// A valid bulk cancel: the client email to match (ignoring case; null for every client) and the span of starts
/// (never before now: only upcoming bookings are cancelled).
/// </summary>
public sealed record BulkCancelQuery(string? Email, Interval Starts, string? Reason);
