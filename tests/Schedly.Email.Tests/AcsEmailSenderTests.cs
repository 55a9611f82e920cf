using System.Text;
using Azure.Core;
using Azure.Core.Pipeline;
using Schedly.Core.Notifications;

namespace Schedly.Email.Tests;

public sealed class AcsEmailSenderTests
{
    private const string AccessKey = "c2NoZWRseS10ZXN0LWtleS1ub3QtYS1yZWFsLXNlY3JldA==";

    private static AcsEmailOptions Options(Uri endpoint, string? accessKey) => new()
    {
        Endpoint = endpoint.ToString(),
        AccessKey = accessKey,
        AllowInsecureEndpoint = endpoint.Scheme == Uri.UriSchemeHttp,
        MaxRetries = 3,
        RetryDelaySeconds = 0.05,
        MaxRetryDelaySeconds = 5,
    };

    [Fact]
    public async Task SendAsync_ThrottledOnceThenAccepted_RetriesAfterRetryAfterAndSucceeds()
    {
        await using var server = await FakeAcsServer.StartAsync(AccessKey, https: false, (429, "1"), (202, null));
        var sut = new AcsEmailSender(Options(server.Endpoint, AccessKey));
        var message = Notices.Message();

        await sut.SendAsync(message, CancellationToken.None);

        Assert.Equal(2, server.Requests.Count);
        Assert.All(server.Requests, request =>
        {
            Assert.Equal("POST", request.Method);
            Assert.Equal("/emails:send?api-version=2023-03-31", request.RawTarget);
            Assert.True(request.SignatureValid);
            Assert.True(request.ContentHashValid);
            Assert.StartsWith("HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=", request.Header("Authorization"), StringComparison.Ordinal);
        });
        var last = server.Requests[^1];
        var json = last.Json;
        Assert.Equal("no-reply@schedly.example", json.GetProperty("senderAddress").GetString());
        Assert.Equal(message.Subject, json.GetProperty("content").GetProperty("subject").GetString());
        Assert.Equal(message.TextBody, json.GetProperty("content").GetProperty("plainText").GetString());
        Assert.Equal(message.HtmlBody, json.GetProperty("content").GetProperty("html").GetString());
        var to = json.GetProperty("recipients").GetProperty("to")[0];
        Assert.Equal("grace@example.com", to.GetProperty("address").GetString());
        Assert.Equal("Grace Hopper", to.GetProperty("displayName").GetString());
        var attachment = json.GetProperty("attachments")[0];
        Assert.Equal("invite.ics", attachment.GetProperty("name").GetString());
        Assert.Equal("text/calendar", attachment.GetProperty("contentType").GetString());
        Assert.Equal(message.Calendar!.Content, Encoding.UTF8.GetString(Convert.FromBase64String(attachment.GetProperty("contentInBase64").GetString()!)));
        var operationId = MessageIds.OperationId(message.MessageId).ToString("D");
        Assert.All(server.Requests, request =>
        {
            Assert.Equal(operationId, request.Header("Operation-Id"));
            Assert.Equal(operationId, request.Header("repeatability-request-id"));
            Assert.NotNull(request.Header("repeatability-first-sent"));
        });
    }

    [Fact]
    public async Task SendAsync_EntraId_SendsBearerTokenForCommunicationScope()
    {
        await using var server = await FakeAcsServer.StartAsync(accessKey: null, https: true, (202, null));
        var credential = new FakeTokenCredential("fake-entra-token");
        var certificate = server.Certificate!;
        var transport = new HttpClientTransport(new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, presented, _, _) => presented?.Thumbprint == certificate.Thumbprint,
        });
        var sut = new AcsEmailSender(Options(server.Endpoint, accessKey: null), credential, transport);

        await sut.SendAsync(Notices.Message(), CancellationToken.None);

        var request = Assert.Single(server.Requests);
        Assert.Equal("Bearer fake-entra-token", request.Header("Authorization"));
        Assert.Equal(["https://communication.azure.com//.default"], credential.Scopes);
    }

    [Fact]
    public async Task SendAsync_BadRequest_ThrowsWithoutRetrying()
    {
        await using var server = await FakeAcsServer.StartAsync(AccessKey, https: false, (400, null));
        var sut = new AcsEmailSender(Options(server.Endpoint, AccessKey));

        var exception = await Assert.ThrowsAsync<EmailSendException>(() => sut.SendAsync(Notices.Message(), CancellationToken.None));

        Assert.Equal(400, exception.Status);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task SendAsync_ServerErrorEveryTime_IsBusyAfterRetries()
    {
        await using var server = await FakeAcsServer.StartAsync(AccessKey, https: false, (503, null));
        var options = Options(server.Endpoint, AccessKey);
        options.MaxRetries = 2;
        var sut = new AcsEmailSender(options);

        var exception = await Assert.ThrowsAsync<EmailProviderBusyException>(() => sut.SendAsync(Notices.Message(), CancellationToken.None));

        Assert.Contains("503", exception.Message, StringComparison.Ordinal);
        Assert.Null(exception.RetryAfter);
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task SendAsync_ThrottledBeyondRetries_IsBusyWithTheProvidersRetryAfter()
    {
        await using var server = await FakeAcsServer.StartAsync(AccessKey, https: false, (429, "120"));
        var options = Options(server.Endpoint, AccessKey);
        options.MaxRetries = 0;
        var sut = new AcsEmailSender(options);

        var exception = await Assert.ThrowsAsync<EmailProviderBusyException>(() => sut.SendAsync(Notices.Message(), CancellationToken.None));

        Assert.Equal(TimeSpan.FromSeconds(120), exception.RetryAfter);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task SendAsync_NothingListening_IsBusy()
    {
        int port;
        using (var probe = new FakeSmtpServer())
        {
            port = probe.Port;
        }

        var options = Options(new Uri($"http://127.0.0.1:{port}"), AccessKey);
        options.MaxRetries = 0;
        var sut = new AcsEmailSender(options);

        await Assert.ThrowsAsync<EmailProviderBusyException>(() => sut.SendAsync(Notices.Message(), CancellationToken.None));
    }

    [Fact]
    public void Constructor_HttpEndpointWithoutOptIn_Throws()
    {
        var options = new AcsEmailOptions { Endpoint = "http://contoso.communication.azure.com", AccessKey = AccessKey };

        var exception = Assert.Throws<ArgumentException>(() => new AcsEmailSender(options));

        Assert.Contains("https", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OperationId_SameMessageId_IsSameUuid()
    {
        Assert.Equal(MessageIds.OperationId("bk.created.client.0"), MessageIds.OperationId("bk.created.client.0"));
        Assert.NotEqual(MessageIds.OperationId("bk.created.client.0"), MessageIds.OperationId("bk.created.host.0"));
    }

    private sealed class FakeTokenCredential(string token) : TokenCredential
    {
        public List<string> Scopes { get; } = [];

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            Scopes.AddRange(requestContext.Scopes);
            return new AccessToken(token, DateTimeOffset.UtcNow.AddHours(1));
        }

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}
