namespace Schedly.Core.Housekeeping;

/// <summary>Counts of the rows one housekeeping run deleted.</summary>
public sealed record PrunedRows(int Cells, int DayCounters, int ReminderOutcomes, int IdempotencyRecords)
{
    /// <summary>Bookings whose personal fields the host's retention erased in the same run.</summary>
    public int ErasedBookings { get; init; }

    public int Total => Cells + DayCounters + ReminderOutcomes + IdempotencyRecords + ErasedBookings;
}
