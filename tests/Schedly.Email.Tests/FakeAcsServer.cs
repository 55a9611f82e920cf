using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Schedly.Email.Tests;

/// <summary>What the fake ACS saw in one request, and whether the HMAC signature checked out.</summary>
internal sealed record AcsRequest(
    string Method,
    string RawTarget,
    IReadOnlyDictionary<string, string> Headers,
    byte[] Body,
    bool SignatureValid,
    bool ContentHashValid)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    public string? Header(string name) => Headers.TryGetValue(name.ToLowerInvariant(), out var value) ? value : null;
}

/// <summary>
/// A fake Azure Communication Services email endpoint on a real Kestrel bound to 127.0.0.1:0 (http, or https with a
/// self-signed certificate). It records each request, checks its HMAC signature when given the access key, and answers
/// with the next scripted response (the last one repeats).
/// </summary>
internal sealed class FakeAcsServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<AcsRequest> _requests = new();
    private readonly (int Status, string? RetryAfter)[] _script;
    private readonly AcsHmacSigner? _signer;
    private int _count;

    private FakeAcsServer(WebApplication app, (int, string?)[] script, string? accessKey)
    {
        _app = app;
        _script = script;
        _signer = accessKey is null ? null : new AcsHmacSigner(accessKey);
    }

    public Uri Endpoint { get; private set; } = null!;

    public X509Certificate2? Certificate { get; private set; }

    public IReadOnlyList<AcsRequest> Requests => _requests.ToArray();

    public static async Task<FakeAcsServer> StartAsync(string? accessKey, bool https, params (int Status, string? RetryAfter)[] script)
    {
        var certificate = https ? CreateCertificate() : null;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen =>
        {
            if (certificate is not null)
            {
                listen.UseHttps(certificate);
            }
        }));
        var app = builder.Build();
        var server = new FakeAcsServer(app, script, accessKey) { Certificate = certificate };
        app.Run(server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        server.Endpoint = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Certificate?.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        var body = buffer.ToArray();
        var headers = context.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString(), StringComparer.Ordinal);
        var rawTarget = context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;

        var contentHashValid = headers.TryGetValue("x-ms-content-sha256", out var hash) && hash == AcsHmacSigner.ContentHash(body);
        var signatureValid = _signer is not null
            && headers.TryGetValue("x-ms-date", out var date)
            && headers.TryGetValue("authorization", out var authorization)
            && CryptographicOperations.FixedTimeEquals(
                System.Text.Encoding.ASCII.GetBytes(authorization),
                System.Text.Encoding.ASCII.GetBytes(_signer.Authorization(context.Request.Method, rawTarget, context.Request.Host.Value ?? "", date, AcsHmacSigner.ContentHash(body))));

        _requests.Enqueue(new AcsRequest(context.Request.Method, rawTarget, headers, body, signatureValid, contentHashValid));

        var index = Math.Min(Interlocked.Increment(ref _count) - 1, _script.Length - 1);
        var (status, retryAfter) = _script[index];
        if (_signer is not null && !signatureValid)
        {
            status = 401;
        }

        context.Response.StatusCode = status;
        if (retryAfter is not null)
        {
            context.Response.Headers.RetryAfter = retryAfter;
        }

        if (status == 202)
        {
            context.Response.Headers["Operation-Location"] = $"{Endpoint}emails/operations/{headers.GetValueOrDefault("operation-id")}?api-version=2023-03-31";
            await context.Response.WriteAsJsonAsync(new { id = headers.GetValueOrDefault("operation-id"), status = "Running" });
        }
        else if (status >= 400)
        {
            await context.Response.WriteAsJsonAsync(new { error = new { code = status == 429 ? "TooManyRequests" : "Failed", message = "fake" } });
        }
    }

    private static X509Certificate2 CreateCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null);
    }
}
