using Azure.Core;
using Azure.Core.Pipeline;

namespace Schedly.Testing;

/// <summary>Counts the HTTP requests a storage client sends (one per Table/Queue operation, batches included).</summary>
public sealed class CountingPolicy : HttpPipelineSynchronousPolicy
{
    private int _count;

    public int Count => _count;

    public void Reset() => Interlocked.Exchange(ref _count, 0);

    public override void OnSendingRequest(HttpMessage message) => Interlocked.Increment(ref _count);
}
