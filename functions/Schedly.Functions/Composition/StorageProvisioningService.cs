using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Schedly.AzureStorage.Tables;

namespace Schedly.Functions.Composition;

/// <summary>
/// Creates missing tables and queues when the app starts. The first attempt runs before the app
/// takes requests (bounded to 15 s); if storage is unreachable then, it retries in the background,
/// so a late Azurite or a storage blip does not stop the app from starting. The provisioner (and with it the storage
/// clients) is resolved on start, not when the host builds its hosted services, so the host's start-up options
/// validation runs first and reports a bad storage setting together with every other problem.
/// </summary>
public sealed partial class StorageProvisioningService(IServiceProvider services, ILogger<StorageProvisioningService> logger)
    : BackgroundService
{
    private StorageProvisioner? _provisioner;

    private StorageProvisioner Provisioner => _provisioner ??= services.GetRequiredService<StorageProvisioner>();

    private bool _ready;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(15));
        try
        {
            await Provisioner.EnsureCreatedAsync(timeout.Token).ConfigureAwait(false);
            _ready = true;
            LogProvisioned(logger);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogRetrying(logger, e.GetType().Name, 1);
        }

        await base.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_ready)
        {
            return;
        }

        var delay = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Provisioner.EnsureCreatedAsync(stoppingToken).ConfigureAwait(false);
                LogProvisioned(logger);
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogRetrying(logger, e.GetType().Name, delay.TotalSeconds);
                await Task.Delay(delay, stoppingToken).ConfigureAwait(false);
                delay = TimeSpan.FromSeconds(Math.Min(delay.TotalSeconds * 2, 30));
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Storage tables and queues are ready")]
    private static partial void LogProvisioned(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storage not reachable yet ({ExceptionType}); retrying in {DelaySeconds} s")]
    private static partial void LogRetrying(ILogger logger, string exceptionType, double delaySeconds);
}
