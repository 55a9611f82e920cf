using FsCheck.Xunit;
using Schedly.Core.Calendars;
using static Schedly.Core.Tests.Calendars.Corpus;

namespace Schedly.Core.Tests.Calendars;

public sealed class BusyFeedProperties
{
    private const int Tests = 500;

    [Property(MaxTest = Tests, Arbitrary = [typeof(WeeklySeriesArbitrary)])]
    public void Parse_WeeklySeriesWithExdates_MatchesNaiveExpansion(WeeklySeriesScenario scenario)
    {
        var request = new BusyFeedRequest(scenario.Zone, scenario.Window, OwnBookingUids.ForHost(Host));

        var result = Parsed(BusyFeedParser.Parse(scenario.ToIcs(), request));

        Assert.Equal(Show(scenario.ExpectedBusy()), Show(result.Busy));
        Assert.False(result.Report.Incomplete);
    }
}
