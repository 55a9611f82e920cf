namespace Schedly.Core.Scheduling;

/// <summary>
/// A date override as a client sent it: <c>{ "date": "2026-12-24", "intervals": [] }</c>. Empty or missing
/// intervals mean closed all day.
/// </summary>
public sealed record DateOverrideDraft(string? Date, IReadOnlyList<TimeRangeDraft?>? Intervals);
