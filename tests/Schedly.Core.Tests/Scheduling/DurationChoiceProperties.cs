using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Schedly.Core.Bookings;
using Schedly.Core.Scheduling;
using Schedly.Core.Validation;
using Interval = NodaTime.Interval;

namespace Schedly.Core.Tests.Scheduling;

/// <summary>A length chosen among an event type's options: slots last that long and never overlap busy time.</summary>
public sealed class DurationChoiceProperties
{
    private const int Tests = 200;

    /// <summary>A random scenario whose event type also offers <c>Chosen</c> minutes (1..600), and that choice applied.</summary>
    public sealed record ChosenScenario(SlotScenario Scenario, int Chosen)
    {
        public EventType Offered => Scenario.EventType with
        {
            DurationOptions = [new DurationOption(Scenario.EventType.Duration, null), .. Chosen == (int)Scenario.EventType.Duration.TotalMinutes ? Array.Empty<DurationOption>() : [new DurationOption(Duration.FromMinutes(Chosen), new Price(90m, "EUR"))]],
        };

        public SlotScenario Applied => Scenario with { EventType = ChosenDuration.Apply(Offered, Chosen, new ValidationErrors())! };

        public override string ToString() => $"chosen={Chosen} {Scenario}";
    }

    public static class Arbitraries
    {
        public static Arbitrary<ChosenScenario> Chosen() =>
            Arb.From(from scenario in SlotScenarioArbitrary.ScenarioGen()
                     from minutes in Gen.Choose(1, 600)
                     select new ChosenScenario(scenario, minutes));
    }

    [Property(MaxTest = Tests, Arbitrary = [typeof(Arbitraries)])]
    public void Compute_ChosenLength_NeverOverlapsBusyAndSlotsLastThatLong(ChosenScenario chosen)
    {
        var scenario = chosen.Applied;
        var type = scenario.EventType;
        var days = SlotEngine.Compute(scenario.Context, scenario.Query, scenario.Now);

        Assert.Equal(Duration.FromMinutes(chosen.Chosen), type.Duration);
        foreach (var slot in days.SelectMany(d => d))
        {
            Assert.Equal(type.Duration, slot.End - slot.Start);
            var span = new Interval(slot.Start - type.BufferBefore, slot.End + type.BufferAfter);
            Assert.DoesNotContain(scenario.Bookings, b => NaiveSlotReference.Overlaps(b.BusySpan, span));
            Assert.DoesNotContain(scenario.Blocked, b => NaiveSlotReference.Overlaps(b.Interval, span));
        }
    }

    [Property(MaxTest = Tests, Arbitrary = [typeof(Arbitraries)])]
    public void Compute_ChosenLength_MatchesNaiveReference(ChosenScenario chosen)
    {
        var scenario = chosen.Applied;

        Assert.Equal(NaiveSlotReference.Slots(scenario), SlotEngine.Compute(scenario.Context, scenario.Query, scenario.Now).AllStarts());
    }

    [Property(MaxTest = Tests, Arbitrary = [typeof(Arbitraries)])]
    public void Apply_LengthNotOffered_IsAnErrorOnDurationMinutes(ChosenScenario chosen, PositiveInt other)
    {
        var type = chosen.Offered;
        var minutes = other.Get % 2000;
        var errors = new ValidationErrors();

        var applied = ChosenDuration.Apply(type, minutes, errors);

        var offered = type.OfferedDurations.Any(o => o.Minutes == minutes);
        Assert.Equal(offered, applied is not null);
        Assert.Equal(offered, errors.IsEmpty);
        if (!offered)
        {
            Assert.True(errors.ToDictionary().ContainsKey("durationMinutes"));
        }
    }
}
