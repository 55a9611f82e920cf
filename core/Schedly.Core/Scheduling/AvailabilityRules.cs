namespace Schedly.Core.Scheduling;

/// <summary>Invariants shared by the availability types (the drafts report the same rules as validation errors).</summary>
internal static class AvailabilityRules
{
    public static void EnsureSortedAndDisjoint(IReadOnlyList<LocalTimeRange> ranges, string paramName)
    {
        for (var i = 0; i < ranges.Count; i++)
        {
            ArgumentNullException.ThrowIfNull(ranges[i], paramName);
            if (i > 0 && ranges[i].StartNanosecondOfDay < ranges[i - 1].EndNanosecondOfDay)
            {
                throw new ArgumentException("Time ranges must be sorted and must not overlap.", paramName);
            }
        }
    }
}
