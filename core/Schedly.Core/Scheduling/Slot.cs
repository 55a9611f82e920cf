using NodaTime;

namespace Schedly.Core.Scheduling;

/// <summary>An offered slot <c>[Start, End)</c>: End is exclusive and equals Start + the event type's duration.</summary>
public readonly record struct Slot(Instant Start, Instant End);
