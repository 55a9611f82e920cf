using FsCheck.Xunit;
using NodaTime;
using Schedly.Core.Bookings;
using Schedly.Core.Housekeeping;
using Schedly.Core.Tests.Notifications;

namespace Schedly.Core.Tests.Housekeeping;

/// <summary>When a booking's working rows may go, and what a run at a given time deletes.</summary>
public sealed class RowLifetimesTests
{
    /// <summary>
    /// Whatever the booking's length, buffers and age: at its housekeeping time every one of its working rows has
    /// expired (its cells and counter by the claim cutoff, its idempotency record and reminder outcomes by theirs), and
    /// not before the meeting's claimed span has ended.
    /// </summary>
    [Property(MaxTest = 300)]
    public bool HousekeepingDue_IsWhenEveryRowOfTheBookingHasExpired(ushort minutesLong, byte bufferAfter, ushort madeHoursBefore, ushort startsInHours, sbyte offsetHours)
    {
        var zone = DateTimeZone.ForOffset(Offset.FromHours(Math.Clamp((int)offsetHours, -12, 14)));
        var made = Instant.FromUtc(2026, 3, 1, 9, 0);
        var start = made + Duration.FromHours(startsInHours % 2000) + Duration.FromMinutes(1);
        var booking = Sample.Booking() with
        {
            Start = start,
            End = start + Duration.FromMinutes(1 + (minutesLong % 1440)),
            BufferAfter = Duration.FromMinutes(bufferAfter),
            UpdatedAt = made - Duration.FromHours(madeHoursBefore % 48),
        };

        var due = RowLifetimes.HousekeepingDue(booking);
        var cutoffs = RowLifetimes.CutoffsAt(due);

        return cutoffs.Claims >= booking.ClaimedSpan.End
            && cutoffs.CounterExpired(booking.Start.InZone(zone).Date)
            && cutoffs.Idempotency >= booking.UpdatedAt
            && cutoffs.ReminderOutcomes >= booking.Start
            && due > booking.ClaimedSpan.End;
    }

    [Fact]
    public void CutoffsAt_KeepADayOfIdempotencyAndAWeekOfClaimsAndOutcomes()
    {
        var now = Instant.FromUtc(2026, 12, 1, 12, 0);

        var cutoffs = RowLifetimes.CutoffsAt(now);

        Assert.Equal(Instant.FromUtc(2026, 11, 30, 12, 0), cutoffs.Idempotency);
        Assert.Equal(Instant.FromUtc(2026, 11, 24, 12, 0), cutoffs.Claims);
        Assert.Equal(Instant.FromUtc(2026, 11, 24, 12, 0), cutoffs.ReminderOutcomes);
        Assert.True(cutoffs.CounterExpired(new LocalDate(2026, 11, 22)));
        Assert.False(cutoffs.CounterExpired(new LocalDate(2026, 11, 23))); // in UTC+14 it ended at 2026-11-23T10:00Z, but in UTC−12 only at 11-24T12:00Z
    }

    [Fact]
    public void IdempotencyRecord_AnswersForADay()
    {
        var record = new IdempotencyRecord("id", "hash", "ada--x", "token", Instant.FromUtc(2026, 12, 1, 12, 0));

        Assert.False(record.IsExpiredAt(Instant.FromUtc(2026, 12, 2, 11, 59)));
        Assert.True(record.IsExpiredAt(Instant.FromUtc(2026, 12, 2, 12, 0)));
    }
}
