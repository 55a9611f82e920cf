using System.Globalization;
using NCrontab;

namespace Schedly.LocalRunner.Triggers;

/// <summary>
/// A timer trigger's schedule as the Functions host reads it: a six-field NCRONTAB expression
/// (<c>{second} {minute} {hour} {day} {month} {day-of-week}</c>), a five-field one, or a
/// <c>hh:mm:ss</c> interval. Times are UTC.
/// </summary>
public sealed class TimerSchedule
{
    private readonly CrontabSchedule? _cron;
    private readonly TimeSpan? _interval;

    private TimerSchedule(CrontabSchedule? cron, TimeSpan? interval, string expression)
    {
        _cron = cron;
        _interval = interval;
        Expression = expression;
    }

    public string Expression { get; }

    /// <summary>Parses <paramref name="expression"/> after resolving a <c>%Setting%</c> reference through <paramref name="resolve"/>.</summary>
    public static TimerSchedule Parse(string expression, Func<string, string?> resolve)
    {
        ArgumentNullException.ThrowIfNull(expression);
        ArgumentNullException.ThrowIfNull(resolve);
        var resolved = expression;
        if (expression.Length > 2 && expression[0] == '%' && expression[^1] == '%')
        {
            var name = expression[1..^1];
            resolved = resolve(name)
                ?? throw new InvalidOperationException($"Timer schedule setting '{name}' is not configured.");
        }

        resolved = resolved.Trim();
        if (TimeSpan.TryParseExact(resolved, @"hh\:mm\:ss", CultureInfo.InvariantCulture, out var interval) && interval > TimeSpan.Zero)
        {
            return new TimerSchedule(null, interval, resolved);
        }

        var fields = resolved.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        var cron = CrontabSchedule.Parse(resolved, new CrontabSchedule.ParseOptions { IncludingSeconds = fields == 6 });
        return new TimerSchedule(cron, null, resolved);
    }

    /// <summary>The first occurrence strictly after <paramref name="after"/> (UTC).</summary>
    public DateTime Next(DateTime after) => _cron is not null
        ? _cron.GetNextOccurrence(after)
        : after + _interval!.Value;
}
