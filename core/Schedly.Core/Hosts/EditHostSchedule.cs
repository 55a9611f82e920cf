using NodaTime;
using Schedly.Core.Concurrency;
using Schedly.Core.Scheduling;
using Schedly.Core.Validation;

namespace Schedly.Core.Hosts;

/// <summary>
/// Changes a host's schedule: replaces its availability, creates or replaces an event type, or deactivates one.
/// Each validates its draft, then changes the stored schedule with optimistic concurrency (read, change, write at
/// the version read). Existing bookings are never touched: they keep the time they claimed.
/// </summary>
public sealed class EditHostSchedule(IHostRepository hosts, IClock clock)
{
    /// <summary>Replaces the weekly hours, overrides and blocked periods.</summary>
    public async Task<ScheduleEditResult<Availability>> SetAvailabilityAsync(HostSlug slug, AvailabilityDraft draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(slug);
        ArgumentNullException.ThrowIfNull(draft);
        var availability = draft.Validate();
        if (!availability.IsValid)
        {
            return new ScheduleEditResult<Availability>.Invalid(availability.Errors);
        }

        return await EditAsync(slug, "Availability change", schedule =>
            new ScheduleEditResult<Availability>.Saved(availability.Value, Created: false, schedule with { Availability = availability.Value }), cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>Creates (<c>Created</c> true) or replaces the event type <paramref name="eventTypeSlug"/>.</summary>
    public async Task<ScheduleEditResult<EventType>> PutEventTypeAsync(HostSlug slug, string eventTypeSlug, EventTypeDraft draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(slug);
        ArgumentNullException.ThrowIfNull(draft);
        if (!Slugs.IsValid(eventTypeSlug))
        {
            var errors = new ValidationErrors();
            errors.Add("eventType", HostSlug.Rule);
            return new ScheduleEditResult<EventType>.Invalid(errors);
        }

        var type = draft.Validate();
        if (!type.IsValid)
        {
            return new ScheduleEditResult<EventType>.Invalid(type.Errors);
        }

        return await EditAsync(slug, "Event type change", schedule =>
            new ScheduleEditResult<EventType>.Saved(type.Value, Created: schedule.FindEventType(eventTypeSlug) is null, schedule.WithEventType(eventTypeSlug, type.Value)), cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>
    /// Deactivates the event type: it offers no more slots and leaves the public profile, and its bookings stay
    /// as they are (they can still be moved and cancelled). <c>NotFound</c> for an unknown host or event type.
    /// </summary>
    public Task<ScheduleEditResult<EventType>> DeactivateEventTypeAsync(HostSlug slug, string eventTypeSlug, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(slug);
        return EditAsync<EventType>(slug, "Event type deactivation", schedule =>
            schedule.FindEventType(eventTypeSlug) is { } type
                ? new ScheduleEditResult<EventType>.Saved(type with { Active = false }, Created: false, schedule.WithEventType(eventTypeSlug, type with { Active = false }))
                : new ScheduleEditResult<EventType>.NotFound(),
            cancellationToken);
    }

    /// <summary>Decides on the current schedule and, when the decision saves one, writes it at the version read.</summary>
    private Task<ScheduleEditResult<T>> EditAsync<T>(HostSlug slug, string change, Func<HostSchedule, ScheduleEditResult<T>> decide, CancellationToken cancellationToken)
        where T : class =>
        OptimisticConcurrency.RunAsync<ScheduleEditResult<T>>(change, async ct =>
        {
            var current = await hosts.FindAsync(slug, ct).ConfigureAwait(false);
            if (current is null)
            {
                return new ScheduleEditResult<T>.NotFound();
            }

            var decision = decide(current.Value.Schedule);
            if (decision is not ScheduleEditResult<T>.Saved saved)
            {
                return decision;
            }

            var updated = current.Value.WithSchedule(saved.Schedule, clock.GetCurrentInstant());
            return await hosts.TryUpdateAsync(updated, current.Version, ct).ConfigureAwait(false)
                ? saved
                : Attempt<ScheduleEditResult<T>>.Conflict;
        }, cancellationToken);
}

/// <summary>The outcome of a schedule change.</summary>
public abstract record ScheduleEditResult<T>
    where T : class
{
    private ScheduleEditResult()
    {
    }

    /// <summary>Stored: <paramref name="Value"/> is what the host now has; <paramref name="Created"/> when it is new.</summary>
    public sealed record Saved(T Value, bool Created, HostSchedule Schedule) : ScheduleEditResult<T>;

    /// <summary>No such host (or, for an event-type change, no such event type).</summary>
    public sealed record NotFound : ScheduleEditResult<T>;

    public sealed record Invalid(ValidationErrors Errors) : ScheduleEditResult<T>;
}
