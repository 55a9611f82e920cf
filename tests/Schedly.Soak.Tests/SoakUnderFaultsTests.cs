using Schedly.Soak;
using Xunit.Abstractions;

namespace Schedly.Soak.Tests;

/// <summary>
/// The soak's CI mode: 60 seconds of mixed workload with the runner killed, Azurite stopped, the webhook receiver and
/// the email sender failing; then every invariant must hold. The figures are printed to the test output.
/// </summary>
public sealed class SoakUnderFaultsTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Sixty_seconds_under_faults_keep_every_invariant()
    {
        var progress = new StringWriter();
        var result = await SoakRun.ExecuteAsync(new SoakOptions { Duration = TimeSpan.FromSeconds(60), Clients = 6 }, progress);
        output.WriteLine(progress.ToString());
        output.WriteLine(result.Report);

        Assert.Equal(11, result.Invariants.Count);
        Assert.All(result.Invariants, i => Assert.True(i.Holds, $"{i.Statement}: {string.Join("; ", i.Violations.Take(5))}"));
        // Whether a reminder falls due inside one minute depends on timing; the 10-minute run (docs/RELIABILITY.md) checks dozens.
        Assert.All(result.Invariants.Where(i => !i.Statement.Contains("reminder", StringComparison.Ordinal)),
            i => Assert.True(i.Checked > 0, $"{i.Statement} checked nothing"));
        Assert.Contains("runner killed", result.Report, StringComparison.Ordinal);
        Assert.Contains("Azurite stopped", result.Report, StringComparison.Ordinal);
        Directory.Delete(result.WorkDirectory, recursive: true);
    }
}
