namespace Schedly.Core.Hosts;

/// <summary>Optimistic concurrency kept failing: the caller may retry the whole request.</summary>
public sealed class ConcurrencyConflictException(string message) : Exception(message);
