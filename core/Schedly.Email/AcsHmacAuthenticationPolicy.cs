using Azure.Core;
using Azure.Core.Pipeline;

namespace Schedly.Email;

/// <summary>
/// Signs every attempt (it runs per retry, so each attempt carries a fresh <c>x-ms-date</c>) with <see cref="AcsHmacSigner"/>.
/// </summary>
public sealed class AcsHmacAuthenticationPolicy : HttpPipelineSynchronousPolicy
{
    private readonly AcsHmacSigner _signer;
    private readonly TimeProvider _time;

    public AcsHmacAuthenticationPolicy(AcsHmacSigner signer, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(signer);
        _signer = signer;
        _time = time ?? TimeProvider.System;
    }

    public override void OnSendingRequest(HttpMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var request = message.Request;
        var uri = request.Uri.ToUri();
        byte[] body = [];
        if (request.Content is { } content)
        {
            using var buffer = new MemoryStream();
            content.WriteTo(buffer, message.CancellationToken);
            body = buffer.ToArray();
        }

        var date = AcsHmacSigner.FormatDate(_time.GetUtcNow());
        var hash = AcsHmacSigner.ContentHash(body);
        request.Headers.SetValue("x-ms-date", date);
        request.Headers.SetValue("x-ms-content-sha256", hash);
        request.Headers.SetValue(
            HttpHeader.Names.Authorization,
            _signer.Authorization(request.Method.Method, uri.PathAndQuery, AcsHmacSigner.HostOf(uri), date, hash));
    }
}
