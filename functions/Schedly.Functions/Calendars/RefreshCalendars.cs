using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Schedly.AzureStorage.Queues;
using Schedly.Core.Calendars;

namespace Schedly.Functions.Calendars;

/// <summary>
/// Queue <c>calendar-refresh</c>: one feed refresh per message (see <see cref="RefreshCalendarFeed"/>), which queues the
/// feed's next refresh itself. A feed that cannot be fetched or parsed is a status, not a failure; storage failures
/// throw and go through the host's retries and <c>calendar-refresh-poison</c>, as does a malformed message. Logs name
/// the host and feed id, never the address.
/// </summary>
public sealed partial class RefreshCalendars(RefreshCalendarFeed refresh, ILogger<RefreshCalendars> logger)
{
    [Function(nameof(RefreshCalendars))]
    public async Task Run([QueueTrigger(SchedlyQueues.CalendarRefresh)] string message, CancellationToken cancellationToken)
    {
        var request = CalendarRefresh.TryParse(message)
            ?? throw new FormatException("The calendar-refresh message is not a calendar refresh.");
        try
        {
            var outcome = await refresh.ExecuteAsync(request, cancellationToken).ConfigureAwait(false);
            LogOutcome(logger, request.Host, request.Feed, outcome);
        }
        catch (Exception e) when (LogFailure(request, e))
        {
            throw;
        }
    }

    /// <summary>Logs the failure (host and feed id only) and lets the exception reach the host's retries.</summary>
    private bool LogFailure(CalendarRefresh request, Exception e)
    {
        LogRefreshFailed(logger, request.Host, request.Feed, e.GetType().Name);
        return false;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Calendar {Host}/{Feed} refresh failed ({ExceptionType}); the queue will retry it")]
    private static partial void LogRefreshFailed(ILogger logger, string host, string feed, string exceptionType);

    [LoggerMessage(Level = LogLevel.Information, Message = "Calendar {Host}/{Feed}: {Outcome}")]
    private static partial void LogOutcome(ILogger logger, string host, string feed, CalendarRefreshOutcome outcome);
}
