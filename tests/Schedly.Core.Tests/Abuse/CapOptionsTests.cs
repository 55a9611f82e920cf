using Schedly.Core.Abuse;

namespace Schedly.Core.Tests.Abuse;

public sealed class CapOptionsTests
{
    [Fact]
    public void Validate_Defaults_AreValid()
    {
        var options = new CapOptions();

        Assert.Empty(options.Validate());
        Assert.Equal(3, options.ActiveBookingsPerClient);
        Assert.Equal(10, options.WebhooksPerHost);
    }

    [Fact]
    public void Validate_OutOfRange_NamesEachSetting()
    {
        var errors = new CapOptions { ActiveBookingsPerClient = -1, WebhooksPerHost = 0 }.Validate();

        Assert.Equal(2, errors.Count);
        Assert.Contains(errors, e => e.StartsWith("Schedly:Caps:ActiveBookingsPerClient", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Schedly:Caps:WebhooksPerHost", StringComparison.Ordinal));
    }
}
