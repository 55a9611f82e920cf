using NodaTime;
using Schedly.Core.Webhooks;

namespace Schedly.Core.Tests.Webhooks;

/// <summary><see cref="WebhookOptions"/>: the delivery rules, their defaults and every problem named by its key.</summary>
public sealed class WebhookOptionsTests
{
    public static TheoryData<string, Func<WebhookOptions>> BadValues => new()
    {
        { "Schedly:Webhooks:RetryBaseDelaySeconds", () => new WebhookOptions { RetryBaseDelaySeconds = 0 } },
        { "Schedly:Webhooks:RetryBaseDelaySeconds", () => new WebhookOptions { RetryBaseDelaySeconds = double.NaN } },
        { "Schedly:Webhooks:MaxRetryDelaySeconds", () => new WebhookOptions { MaxRetryDelaySeconds = 10 } },
        { "Schedly:Webhooks:MaxRetryDelaySeconds", () => new WebhookOptions { MaxRetryDelaySeconds = 7 * 24 * 3600 } },
        { "Schedly:Webhooks:TimeoutSeconds", () => new WebhookOptions { TimeoutSeconds = 0 } },
        { "Schedly:Webhooks:TimeoutSeconds", () => new WebhookOptions { TimeoutSeconds = 121 } },
        { "Schedly:Webhooks:DisableAfterHours", () => new WebhookOptions { DisableAfterHours = -1 } },
    };

    [Fact]
    public void Validate_Defaults_HaveNoProblems()
    {
        Assert.Empty(new WebhookOptions().Validate());
    }

    [Fact]
    public void Defaults_AreTheDocumentedRules()
    {
        var options = new WebhookOptions();

        Assert.False(options.AllowPrivateAddresses);
        Assert.Equal(TimeSpan.FromSeconds(10), options.Timeout);
        Assert.Equal(TimeSpan.FromSeconds(10), options.ConnectTimeout);
        Assert.Equal(Duration.FromHours(24), options.DisableAfter);
        Assert.Equal(TimeSpan.FromSeconds(30), options.RetryDelay(1));
        Assert.Equal(TimeSpan.FromSeconds(60), options.RetryDelay(2));
        Assert.Equal(TimeSpan.FromHours(1), options.RetryDelay(20));
    }

    [Fact]
    public void ConnectTimeout_LongRequestTimeout_IsCappedAtTenSeconds()
    {
        var options = new WebhookOptions { TimeoutSeconds = 60 };

        Assert.Equal(TimeSpan.FromSeconds(60), options.Timeout);
        Assert.Equal(TimeSpan.FromSeconds(WebhookOptions.MaxConnectTimeoutSeconds), options.ConnectTimeout);
    }

    [Theory]
    [MemberData(nameof(BadValues))]
    public void Validate_OneBadValue_OneMessageNamingItsKey(string key, Func<WebhookOptions> options)
    {
        var error = Assert.Single(options().Validate());

        Assert.StartsWith(key + " ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SeveralBadValues_ListsEveryProblem()
    {
        var options = new WebhookOptions { RetryBaseDelaySeconds = -1, MaxRetryDelaySeconds = 1e9, TimeoutSeconds = 500, DisableAfterHours = 0 };

        var errors = options.Validate();

        Assert.Equal(
            ["Schedly:Webhooks:RetryBaseDelaySeconds", "Schedly:Webhooks:MaxRetryDelaySeconds", "Schedly:Webhooks:TimeoutSeconds", "Schedly:Webhooks:DisableAfterHours"],
            errors.Select(e => e[..e.IndexOf(' ', StringComparison.Ordinal)]));
    }
}
