using System.Text.Json;
using System.Text.Json.Serialization;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Identity;
using Schedly.Core.Notifications;

namespace Schedly.Email;

/// <summary>
/// Sends through Azure Communication Services Email (REST, api-version 2023-03-31):
/// <c>POST {endpoint}/emails:send</c> with the message as JSON, over an Azure.Core pipeline authenticated with Entra ID
/// (bearer token, scope <c>https://communication.azure.com//.default</c>) or the HMAC-signed access key.
/// 408, 429 and 5xx are retried in the pipeline honouring Retry-After; 202 means accepted. When those retries are
/// exhausted (or ACS does not answer) it throws <see cref="EmailProviderBusyException"/> carrying the last
/// Retry-After, so the email is deferred rather than failed; anything else throws <see cref="EmailSendException"/>. The <c>Operation-Id</c> (and the
/// <c>repeatability-request-id</c>) is a UUID derived from <see cref="EmailMessage.MessageId"/>, so a resend of the same
/// message names the same operation.
/// </summary>
public sealed class AcsEmailSender : IEmailSender
{
    public const string ApiVersion = "2023-03-31";
    public const string Scope = "https://communication.azure.com//.default";

    private static readonly JsonSerializerOptions _json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private readonly HttpPipeline _pipeline;
    private readonly Uri _sendUri;
    private readonly string? _senderAddress;
    private readonly TimeProvider _time;

    /// <summary>Authenticates with <paramref name="credential"/> (Entra ID).</summary>
    public AcsEmailSender(AcsEmailOptions options, TokenCredential credential, HttpPipelineTransport? transport = null, TimeProvider? time = null)
        : this(options, new BearerTokenAuthenticationPolicy(credential ?? throw new ArgumentNullException(nameof(credential)), Scope), transport, time)
    {
    }

    /// <summary>
    /// Authenticates with the access key when the options carry one (<c>AccessKey</c> or a connection string with
    /// <c>accesskey=</c>), otherwise with DefaultAzureCredential (a user-assigned managed identity when <c>ClientId</c> is set).
    /// </summary>
    public AcsEmailSender(AcsEmailOptions options, HttpPipelineTransport? transport = null, TimeProvider? time = null)
        : this(options, DefaultPolicy(options, time), transport, time)
    {
    }

    private AcsEmailSender(AcsEmailOptions options, HttpPipelinePolicy authentication, HttpPipelineTransport? transport, TimeProvider? time)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate("AzureCommunicationServices");
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", errors), nameof(options));
        }

        var endpoint = options.Resolve().Endpoint!;
        _sendUri = new Uri(endpoint, $"/emails:send?api-version={ApiVersion}");
        _senderAddress = options.SenderAddress;
        _time = time ?? TimeProvider.System;

        var clientOptions = new AcsClientOptions();
        clientOptions.Retry.MaxRetries = options.MaxRetries;
        clientOptions.Retry.Mode = RetryMode.Exponential;
        clientOptions.Retry.Delay = TimeSpan.FromSeconds(options.RetryDelaySeconds);
        clientOptions.Retry.MaxDelay = TimeSpan.FromSeconds(options.MaxRetryDelaySeconds);
        clientOptions.Retry.NetworkTimeout = TimeSpan.FromSeconds(100);
        clientOptions.Diagnostics.ApplicationId = "schedly";
        clientOptions.Diagnostics.IsLoggingContentEnabled = false;
        if (transport is not null)
        {
            clientOptions.Transport = transport;
        }

        var pipelineOptions = new HttpPipelineOptions(clientOptions) { ResponseClassifier = new AcsResponseClassifier() };
        pipelineOptions.PerRetryPolicies.Add(authentication);
        _pipeline = HttpPipelineBuilder.Build(pipelineOptions);
    }

    public async Task SendAsync(EmailMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        var payload = JsonSerializer.SerializeToUtf8Bytes(Payload(message), _json);
        var operationId = MessageIds.OperationId(message.MessageId).ToString("D");

        using var http = _pipeline.CreateMessage();
        http.Request.Method = RequestMethod.Post;
        http.Request.Uri.Reset(_sendUri);
        http.Request.Headers.SetValue(HttpHeader.Names.ContentType, "application/json");
        http.Request.Headers.SetValue(HttpHeader.Names.Accept, "application/json");
        http.Request.Headers.SetValue("Operation-Id", operationId);
        http.Request.Headers.SetValue("repeatability-request-id", operationId);
        http.Request.Headers.SetValue("repeatability-first-sent", AcsHmacSigner.FormatDate(_time.GetUtcNow()));
        http.Request.Content = RequestContent.Create(payload);

        try
        {
            await _pipeline.SendAsync(http, ct).ConfigureAwait(false);
        }
        catch (Azure.RequestFailedException exception) when (exception.Status == 0)
        {
            // No answer at all (connection refused or reset, timeout), after the pipeline's retries.
            throw new EmailProviderBusyException($"ACS did not answer: {exception.InnerException?.GetType().Name ?? "no response"}.", null, exception);
        }
        catch (Azure.RequestFailedException exception)
        {
            throw new EmailSendException($"ACS email send failed: {exception.Status} {exception.ErrorCode}.", exception);
        }
        catch (AuthenticationFailedException exception)
        {
            throw new EmailSendException("ACS email send failed: no Entra ID token.", exception);
        }

        var status = http.Response.Status;
        // 202: accepted. 409: an operation with this Operation-Id exists, i.e. this message was accepted before.
        if (status is 202 or 200 or 409)
        {
            return;
        }

        if (status is 408 or 429 or >= 500)
        {
            throw new EmailProviderBusyException($"ACS is busy: HTTP {status} {ErrorCode(http.Response)}.".TrimEnd(), RetryAfter(http.Response));
        }

        throw new EmailSendException($"ACS email send failed: HTTP {status} {ErrorCode(http.Response)}.".TrimEnd(), status);
    }

    /// <summary>The response's <c>retry-after-ms</c>, <c>x-ms-retry-after-ms</c> or <c>Retry-After</c> (seconds or an HTTP date), or null.</summary>
    private TimeSpan? RetryAfter(Azure.Response response)
    {
        foreach (var name in new[] { "retry-after-ms", "x-ms-retry-after-ms" })
        {
            if (response.Headers.TryGetValue(name, out var ms)
                && double.TryParse(ms, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var milliseconds)
                && milliseconds >= 0)
            {
                return TimeSpan.FromMilliseconds(milliseconds);
            }
        }

        if (!response.Headers.TryGetValue("Retry-After", out var value))
        {
            return null;
        }

        if (int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds))
        {
            return TimeSpan.FromSeconds(seconds);
        }

        return DateTimeOffset.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var at)
            ? at - _time.GetUtcNow() is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero
            : null;
    }

    private AcsSendRequest Payload(EmailMessage message) => new AcsSendRequest(
        _senderAddress ?? message.From.Address,
        new AcsContent(message.Subject, message.TextBody, message.HtmlBody),
        new AcsRecipients([new AcsAddress(message.To.Address, message.To.DisplayName)]),
        message.Calendar is { } calendar
            ? [new AcsAttachment(calendar.FileName, "text/calendar", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(calendar.Content)))]
            : null);

    private static HttpPipelinePolicy DefaultPolicy(AcsEmailOptions options, TimeProvider? time)
    {
        ArgumentNullException.ThrowIfNull(options);
        var key = options.Resolve().AccessKey;
        if (key is not null)
        {
            return new AcsHmacAuthenticationPolicy(new AcsHmacSigner(key), time);
        }

        var credential = new DefaultAzureCredential(new DefaultAzureCredentialOptions
        {
            ManagedIdentityClientId = string.IsNullOrWhiteSpace(options.ClientId) ? null : options.ClientId,
        });
        return new BearerTokenAuthenticationPolicy(credential, Scope);
    }

    private static string ErrorCode(Azure.Response response)
    {
        try
        {
            using var document = JsonDocument.Parse(response.Content.ToMemory());
            return document.RootElement.TryGetProperty("error", out var error) && error.TryGetProperty("code", out var code)
                ? code.GetString() ?? ""
                : "";
        }
        catch (JsonException)
        {
            return "";
        }
    }

    private sealed class AcsClientOptions : ClientOptions;

    /// <summary>Retries 408, 429 and every 5xx (Azure.Core's default leaves out some 5xx).</summary>
    private sealed class AcsResponseClassifier : ResponseClassifier
    {
        public override bool IsRetriableResponse(HttpMessage message) =>
            message.Response.Status is 408 or 429 or >= 500;
    }

    private sealed record AcsSendRequest(string SenderAddress, AcsContent Content, AcsRecipients Recipients, AcsAttachment[]? Attachments);

    private sealed record AcsContent(string Subject, string PlainText, string Html);

    private sealed record AcsRecipients(AcsAddress[] To);

    private sealed record AcsAddress(string Address, string? DisplayName);

    private sealed record AcsAttachment(string Name, string ContentType, string ContentInBase64);
}
