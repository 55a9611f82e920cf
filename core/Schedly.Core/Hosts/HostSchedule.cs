using Schedly.Core.Scheduling;

namespace Schedly.Core.Hosts;

/// <summary>
/// A host's availability and event types, as the host last sent them (validated drafts). Stored with
/// the host so that one point read gives everything the slot engine needs.
/// </summary>
public sealed record HostSchedule(AvailabilityDraft Availability, IReadOnlyDictionary<string, EventTypeDraft> EventTypes)
{
    public static HostSchedule Empty { get; } = new(
        new AvailabilityDraft(new Dictionary<string, IReadOnlyList<TimeRangeDraft?>?>(), [], []),
        new Dictionary<string, EventTypeDraft>(StringComparer.Ordinal));

    /// <summary>The validated availability (stored drafts were valid when stored).</summary>
    public Availability ValidAvailability => Availability.Validate().Value;

    /// <summary>The event type with this slug, validated, or null when there is none.</summary>
    public EventType? FindEventType(string slug) =>
        EventTypes.TryGetValue(slug, out var draft) ? draft.Validate().Value : null;

    public HostSchedule WithEventType(string slug, EventTypeDraft draft)
    {
        var types = new Dictionary<string, EventTypeDraft>(EventTypes, StringComparer.Ordinal) { [slug] = draft };
        return this with { EventTypes = types };
    }
}
