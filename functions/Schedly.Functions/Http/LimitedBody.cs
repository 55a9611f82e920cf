using System.Buffers;

namespace Schedly.Functions.Http;

/// <summary>Reads a request body up to a limit, never more: the JSON bodies (64 KB) and a host's photo (2 MB).</summary>
public static class LimitedBody
{
    /// <summary>The whole body, or null once it passes <paramref name="maxBytes"/> (the rest is not read).</summary>
    public static async Task<byte[]?> ReadAsync(Stream body, int maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        var buffer = new ArrayBufferWriter<byte>(4096);
        while (true)
        {
            var read = await body.ReadAsync(buffer.GetMemory(16 * 1024), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return buffer.WrittenSpan.ToArray();
            }

            buffer.Advance(read);
            if (buffer.WrittenCount > maxBytes)
            {
                return null;
            }
        }
    }
}
