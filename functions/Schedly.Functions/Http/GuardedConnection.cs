using System.Net;
using System.Net.Sockets;
using Schedly.Core.Webhooks;

namespace Schedly.Functions.Http;

/// <summary>
/// The one connect step of every outbound request to an address a host gave us (webhooks, calendar feeds): resolves
/// the name, refuses the connection unless EVERY resolved address is allowed (so DNS rebinding and mixed answers are
/// caught at connect time, not only when the URL was saved), then connects to those addresses directly (the handlers
/// using it set no proxy).
/// </summary>
public static class GuardedConnection
{
    /// <summary>A <c>SocketsHttpHandler.ConnectCallback</c> body.</summary>
    /// <param name="endPoint">The host and port the handler is connecting to.</param>
    /// <param name="isAllowed">Whether one resolved address may be connected to.</param>
    /// <param name="refusal">The message of the <see cref="WebhookAddressRefusedException"/> thrown when one may not.</param>
    /// <param name="cancellationToken">Cancels resolution and connection.</param>
    public static async ValueTask<Stream> ConnectAsync(DnsEndPoint endPoint, Func<IPAddress, bool> isAllowed, string refusal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(endPoint);
        ArgumentNullException.ThrowIfNull(isAllowed);
        var addresses = IPAddress.TryParse(endPoint.Host, out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(endPoint.Host, cancellationToken).ConfigureAwait(false);
        if (addresses.Length == 0 || !addresses.All(isAllowed))
        {
            throw new WebhookAddressRefusedException(refusal);
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, endPoint.Port, cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
