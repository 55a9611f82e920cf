namespace Schedly.Core.Scheduling;

/// <summary>
/// A blocked period as a client sent it: <c>{ "start": "2026-12-28T00:00:00Z", "end": "2027-01-02T00:00:00Z",
/// "reason": "holidays" }</c>; end exclusive and after start; reason optional.
/// </summary>
public sealed record BlockedPeriodDraft(string? Start, string? End, string? Reason);
