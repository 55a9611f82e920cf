using System.Diagnostics;
using Schedly.Testing;

namespace Schedly.Soak;

/// <summary>
/// Injects the faults, one cycle per minute of the run (the 60-second mode runs one cycle; a 10-minute run ten):
/// <list type="bullet">
/// <item>at 0:06 the runner is killed with SIGKILL and started again;</item>
/// <item>0:14–0:26 the webhook receiver answers 503;</item>
/// <item>at 0:30 Azurite is stopped for 6 seconds and started again (its data on disk);</item>
/// <item>0:42–0:54 the email sender throws, 1.5 s on and 1.5 s off.</item>
/// </list>
/// A fault that would not end before the run does is not started.
/// </summary>
public sealed class FaultInjector(RunnerProcess runner, AzuriteProcess azurite, WebhookReceiver receiver, MailFolderFault mail, FaultLog log)
{
    private static readonly TimeSpan Cycle = TimeSpan.FromSeconds(60);

    public async Task RunAsync(TimeSpan duration)
    {
        var clock = Stopwatch.StartNew();
        for (var cycle = TimeSpan.Zero; cycle + TimeSpan.FromSeconds(10) <= duration; cycle += Cycle)
        {
            async Task<bool> At(double seconds, double lasting)
            {
                var start = cycle + TimeSpan.FromSeconds(seconds);
                if (start + TimeSpan.FromSeconds(lasting) > duration)
                {
                    return false;
                }

                var wait = start - clock.Elapsed;
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait);
                }

                return true;
            }

            if (await At(6, 8))
            {
                var window = log.Begin("runner", "runner killed (SIGKILL) and restarted");
                await runner.KillAsync();
                await Task.Delay(TimeSpan.FromSeconds(1));
                await runner.StartAsync(TimeSpan.FromSeconds(90));
                log.End(window);
            }

            if (await At(14, 12))
            {
                var window = log.Begin("webhooks", "webhook receiver answering 503 for 12 s");
                receiver.Failing = true;
                await Task.Delay(TimeSpan.FromSeconds(12));
                receiver.Failing = false;
                log.End(window);
            }

            if (await At(30, 10))
            {
                var window = log.Begin("storage", "Azurite stopped for 6 s and restarted");
                await azurite.StopAsync();
                await Task.Delay(TimeSpan.FromSeconds(6));
                await azurite.StartAsync();
                log.End(window);
            }

            if (await At(42, 12))
            {
                var window = log.Begin("email", "email sender throwing (pickup folder replaced by a file) 1.5 s on / 1.5 s off for 12 s");
                for (var i = 0; i < 4; i++)
                {
                    mail.Break();
                    await Task.Delay(TimeSpan.FromSeconds(1.5));
                    mail.Restore();
                    await Task.Delay(TimeSpan.FromSeconds(1.5));
                }

                log.End(window);
            }
        }
    }
}
