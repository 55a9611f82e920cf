using Azure;
using Microsoft.Extensions.Logging;
using Schedly.Core.Bookings;
using Schedly.Core.Concurrency;
using Schedly.Core.Hosts;

namespace Schedly.Functions.Http;

/// <summary>
/// Maps an exception that escaped an HTTP function to the problem the client sees. Storage
/// faults become 503 <c>storage-unavailable</c>; anything else a 500 without internals. Both the
/// Functions middleware and the local runner use this, so the hosts answer alike.
/// </summary>
public static partial class ExceptionProblems
{
    public static Problem ToProblem(Exception exception, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentNullException.ThrowIfNull(logger);
        if (IsStorageFault(exception))
        {
            LogStorageFault(logger, exception.GetType().Name);
            return Problem.StorageUnavailable();
        }

        if (exception is ChangeTooLargeException)
        {
            return Problem.Validation("start", "This booking is too long to move in one step: cancel it and book the new time instead.");
        }

        if (exception is ConcurrencyConflictException)
        {
            LogConflict(logger);
            return Problem.StorageUnavailable();
        }

        LogUnexpected(logger, exception);
        return Problem.Internal();
    }

    /// <summary>True for failures of the storage service or the network to it, as opposed to our bugs.</summary>
    public static bool IsStorageFault(Exception exception) => exception switch
    {
        // A missing table or queue means provisioning has not finished (or storage was reset): not our bug.
        RequestFailedException e => e.Status is 0 or >= 500 or 408 or 429 || e.ErrorCode is "TableNotFound" or "QueueNotFound",
        HttpRequestException => true,
        TimeoutException => true,
        TaskCanceledException e => e.InnerException is TimeoutException,
        AggregateException e => e.InnerExceptions.All(IsStorageFault),
        _ => exception.InnerException is { } inner && IsStorageFault(inner),
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storage unavailable while handling a request ({ExceptionType}); answered 503")]
    private static partial void LogStorageFault(ILogger logger, string exceptionType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Optimistic concurrency kept failing; answered 503")]
    private static partial void LogConflict(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception in an HTTP function; answered 500")]
    private static partial void LogUnexpected(ILogger logger, Exception exception);
}
