using NodaTime;

namespace Schedly.Core.Scheduling;

/// <summary>
/// An offered slot <c>[Start, End)</c>: End is exclusive and equals Start + the event type's duration.
/// <paramref name="SeatsLeft"/>: for a seated event type, how many of its seats are still free (at least 1); null otherwise.
/// </summary>
public readonly record struct Slot(Instant Start, Instant End, int? SeatsLeft = null);
