namespace Schedly.ScaleBench;

/// <summary>One path's cost in one run: storage requests (tables and queues) and wall time.</summary>
public sealed record PathFigure(string Path, int Hosts, int StorageOperations, long Milliseconds)
{
    public override string ToString() => $"path={Path} hosts={Hosts} storage_ops={StorageOperations} ms={Milliseconds}";
}
