using Microsoft.Azure.Functions.Worker;
using Schedly.LocalRunner.Discovery;

namespace Schedly.LocalRunner.Triggers;

/// <summary>
/// Fires one timer-triggered function on its schedule (UTC), passing a <see cref="TimerInfo"/>
/// with the last and next occurrences. Runs never overlap within this runner; a failed run is
/// logged and the next occurrence still fires.
/// </summary>
public sealed partial class TimerTriggerScheduler(
    TimerFunction function,
    TimerSchedule schedule,
    IServiceProvider services,
    TimeProvider time,
    ILogger<TimerTriggerScheduler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var last = time.GetUtcNow().UtcDateTime;
        if (function.RunOnStartup)
        {
            await FireAsync(last, schedule.Next(last), isPastDue: false, stoppingToken).ConfigureAwait(false);
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var now = time.GetUtcNow().UtcDateTime;
            var next = schedule.Next(now);
            var wait = next - now;
            try
            {
                await Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            var firedAt = time.GetUtcNow().UtcDateTime;
            await FireAsync(last, schedule.Next(next), isPastDue: firedAt - next > TimeSpan.FromSeconds(1), stoppingToken).ConfigureAwait(false);
            last = next;
        }
    }

    private async Task FireAsync(DateTime last, DateTime next, bool isPastDue, CancellationToken stoppingToken)
    {
        var info = new TimerInfo
        {
            IsPastDue = isPastDue,
            ScheduleStatus = new ScheduleStatus { Last = last, Next = next, LastUpdated = time.GetUtcNow().UtcDateTime },
        };
        try
        {
            await FunctionInvoker.InvokeAsync(services, function, info, new Dictionary<string, object?>(), stoppingToken).ConfigureAwait(false);
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            LogRunFailed(logger, e, function.Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Timer function {FunctionName} failed; the next occurrence will still fire")]
    private static partial void LogRunFailed(ILogger logger, Exception exception, string functionName);
}
