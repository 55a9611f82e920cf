namespace Schedly.Core.Concurrency;

/// <summary>
/// Optimistic concurrency kept failing for <see cref="OptimisticConcurrency.MaxAttempts"/> attempts: the caller
/// may retry the whole request (HTTP answers 503 with Retry-After).
/// </summary>
public sealed class ConcurrencyConflictException(string message) : Exception(message);
