using Schedly.Core.Webhooks;

namespace Schedly.Core.Tests.Webhooks;

public sealed class WebhookEndpointDraftTests
{
    private static readonly string _secret = new('s', 32);

    [Fact]
    public void Validate_GoodDraft_HasNoErrorsAndGivesTheUrl()
    {
        var draft = new WebhookEndpointDraft { Url = "https://example.com/hook", Events = ["booking.created", "booking.cancelled"], Secret = _secret };

        var errors = draft.Validate(creating: true, allowPrivateAddresses: false, out var url);

        Assert.True(errors.IsEmpty, errors.ToString());
        Assert.Equal(new Uri("https://example.com/hook"), url);
    }

    [Fact]
    public void Validate_BadFields_NamesEachField()
    {
        var draft = new WebhookEndpointDraft { Url = "http://169.254.169.254/", Events = ["booking.created", "booking.exploded"], Secret = "short" };

        var errors = draft.Validate(creating: true, allowPrivateAddresses: false, out var url).ToDictionary();

        Assert.Null(url);
        Assert.Equal(["events", "secret", "url"], errors.Keys.Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public void Validate_SecretOmitted_RequiredOnCreateOnly()
    {
        var draft = new WebhookEndpointDraft { Url = "https://example.com/hook", Events = ["booking.created"] };

        Assert.True(draft.Validate(creating: true, allowPrivateAddresses: false, out _).ToDictionary().ContainsKey("secret"));
        Assert.True(draft.Validate(creating: false, allowPrivateAddresses: false, out _).IsEmpty);
    }

    [Fact]
    public void Validate_DuplicateOrEmptyEvents_AreErrors()
    {
        Assert.True(new WebhookEndpointDraft { Url = "https://example.com/", Events = [], Secret = _secret }
            .Validate(true, false, out _).ToDictionary().ContainsKey("events"));
        Assert.True(new WebhookEndpointDraft { Url = "https://example.com/", Events = ["booking.created", "booking.created"], Secret = _secret }
            .Validate(true, false, out _).ToDictionary().ContainsKey("events"));
    }

    [Theory]
    [InlineData("crm", true)]
    [InlineData("crm-2", true)]
    [InlineData("-crm", false)]
    [InlineData("crm--x", false)]
    [InlineData("CRM", false)]
    [InlineData("", false)]
    public void IsValidId_FollowsTheSlugRule(string id, bool valid) => Assert.Equal(valid, WebhookEndpointDraft.IsValidId(id));

    [Fact]
    public void RetryDelay_DoublesFromTheBaseUpToTheMaximum()
    {
        var options = new WebhookOptions { RetryBaseDelaySeconds = 30, MaxRetryDelaySeconds = 3600 };

        Assert.Equal(
            [30, 60, 120, 240, 480, 960, 1920, 3600, 3600],
            Enumerable.Range(1, 9).Select(a => options.RetryDelay(a).TotalSeconds).ToArray());
    }
}
