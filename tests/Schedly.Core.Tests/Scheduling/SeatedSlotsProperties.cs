using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Schedly.Core.Bookings;
using Schedly.Core.Scheduling;
using static Schedly.Core.Tests.Scheduling.Schedules;

namespace Schedly.Core.Tests.Scheduling;

/// <summary>
/// Random runs of seat bookings, other bookings and cancellations against the rules a booking decides by
/// (<see cref="SeatedSlots.SeatsLeft"/> on the bookings so far, as <c>CreateBooking</c> does on its snapshot).
/// </summary>
public sealed class SeatedSlotsProperties
{
    private const int Tests = 300;
    private const string Class = "yoga";
    private static readonly Instant Now = At("2026-12-01T00:00:00Z");
    private static readonly DateTimeZone Paris = Zone("Europe/Paris");
    private static readonly DateInterval Day = new(Date("2026-12-02"), Date("2026-12-02"));

    /// <summary>One step: book a seat (kind 0), book another event type (kind 1) or cancel (kind 2) at candidate <c>Index</c>.</summary>
    public sealed record Step(int Kind, int Index);

    /// <summary>A seated type (seats, length, interval, daily limit and what it counts) and the steps run against it.</summary>
    public sealed record Run(int Seats, int Duration, int? MaxPerDay, LimitsCount Counting, IReadOnlyList<Step> Steps)
    {
        public EventType Type => Event(Duration, 30, maxPerDay: MaxPerDay) with { Seats = Seats, LimitsCount = Counting };

        public override string ToString() => $"seats={Seats} duration={Duration} max={MaxPerDay} {Counting} steps=[{string.Join(" ", Steps.Select(s => $"{s.Kind}:{s.Index}"))}]";
    }

    public static class Arbitraries
    {
        public static Arbitrary<Run> Runs() =>
            Arb.From(from seats in Gen.Choose(1, 6)
                     from duration in Gen.Elements(30, 60, 90)
                     from max in Gen.Elements<int?>(null, null, 2, 5, 9)
                     from counting in Gen.Elements(LimitsCount.Sessions, LimitsCount.Attendees)
                     from steps in Gen.ListOf(from kind in Gen.Frequency((6, Gen.Constant(0)), (1, Gen.Constant(1)), (3, Gen.Constant(2)))
                                              from index in Gen.Choose(0, 15)
                                              select new Step(kind, index))
                     select new Run(seats, duration, max, counting, [.. steps.Take(60)]));
    }

    private static readonly Availability Hours = EveryDay(Range("09:00", "17:00"));

    private static Instant Candidate(int index) => At("2026-12-02T08:00:00Z") + Duration.FromMinutes(30 * index);

    private static SeatedContext Seated(EventType type, IEnumerable<BookedSpan> booked) =>
        SeatSessions.Split(new SlotContext(Paris, Hours, type, []), booked, Class);

    /// <summary>Plays the run: every step is decided on the bookings so far, as the booking use cases decide on their snapshot.</summary>
    private static IEnumerable<(Step Step, List<BookedSpan> Before, List<BookedSpan> After)> Play(Run run)
    {
        var type = run.Type;
        var intro = Event(30);
        var booked = new List<BookedSpan>();
        var next = 0;
        foreach (var step in run.Steps)
        {
            var before = booked.ToList();
            var start = Candidate(step.Index);
            switch (step.Kind)
            {
                case 0 when SeatedSlots.SeatsLeft(Seated(type, booked), start, Now) > 0:
                    booked.Add(new BookedSpan($"s{next++}", Class, start, start + type.Duration, Duration.Zero, Duration.Zero));
                    break;
                case 1 when SlotEngine.IsOffered(new SlotContext(Paris, Hours, intro, [.. booked.Select(b => b.ToBusy("intro"))]), start, Now):
                    booked.Add(new BookedSpan($"o{next++}", "intro", start, start + intro.Duration, Duration.Zero, Duration.Zero));
                    break;
                case 2 when booked.Count > 0:
                    booked.RemoveAt(step.Index % booked.Count);
                    break;
            }

            yield return (step, before, booked.ToList());
        }
    }

    [Property(MaxTest = Tests, Arbitrary = [typeof(Arbitraries)])]
    public void SeatsTaken_NeverExceedTheSeats_AndNothingElseOverlapsASession(Run run)
    {
        foreach (var (_, _, after) in Play(run))
        {
            var context = Seated(run.Type, after);
            Assert.All(context.Sessions, s => Assert.InRange(s.Taken, 1, run.Seats));
            foreach (var booking in after)
            {
                var own = booking.EventType == Class ? (booking.Start, booking.End) : default;
                Assert.DoesNotContain(after, other => other.BookingRandomId != booking.BookingRandomId
                    && (other.EventType != Class || (other.Start, other.End) != own)
                    && other.Start < booking.End && booking.Start < other.End);
            }
        }
    }

    [Property(MaxTest = Tests, Arbitrary = [typeof(Arbitraries)])]
    public void CancellingASeat_FreesExactlyOneSeat(Run run)
    {
        var unlimited = run with { MaxPerDay = null };
        foreach (var (step, before, after) in Play(unlimited))
        {
            var cancelled = before.Except(after).SingleOrDefault();
            if (step.Kind != 2 || cancelled is not { EventType: Class })
            {
                continue;
            }

            var leftBefore = SeatedSlots.SeatsLeft(Seated(unlimited.Type, before), cancelled.Start, Now);
            var leftAfter = SeatedSlots.SeatsLeft(Seated(unlimited.Type, after), cancelled.Start, Now);
            Assert.Equal(leftBefore + 1, leftAfter);
        }
    }

    [Property(MaxTest = Tests, Arbitrary = [typeof(Arbitraries)])]
    public void Compute_ListsExactlyTheStartsWithAFreeSeat_WithThatManySeatsLeft(Run run)
    {
        var booked = Play(run).LastOrDefault().After ?? [];
        var context = Seated(run.Type, booked);

        var listed = SeatedSlots.Compute(context, Day, Paris, Now).SelectMany(d => d).ToDictionary(s => s.Start, s => s.SeatsLeft);

        var expected = Enumerable.Range(0, 24).Select(Candidate)
            .Select(start => (start, left: SeatedSlots.SeatsLeft(context, start, Now)))
            .Where(c => c.left > 0)
            .ToDictionary(c => c.start, c => (int?)c.left);
        Assert.Equal(expected, listed);
    }
}
