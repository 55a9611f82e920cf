using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace Schedly.AzureStorage.Tables;

/// <summary>
/// Creates the tables, queues and blob container (host photos) Schedly uses, if they are missing, and this period's and the next period's dated
/// tables (<see cref="DatedTableSet"/>). Idempotent; run at start-up.
/// </summary>
public sealed class StorageProvisioner(TableServiceClient tables, QueueServiceClient queues, BlobServiceClient blobs, NodaTime.IClock clock)
{
    public static IReadOnlyList<string> TableNames { get; } = [SchedlyTables.Hosts, SchedlyTables.ApiKeys, Analytics.TableAnalyticsStore.TableName, Reminders.TableReminderIndex.TableName, SignIn.TableSignInStore.SessionsTable, SignIn.TableHostEmailIndex.TableName, TableHostDirectory.TableName, Teams.TableTeamRepository.TableName];

    public static IReadOnlyList<string> QueueNames { get; } =
    [
        Queues.SchedlyQueues.BookingEvents, Queues.SchedlyQueues.BookingEvents + "-poison",
        Queues.SchedlyQueues.OutboxGuard, Queues.SchedlyQueues.OutboxGuard + "-poison",
        Queues.SchedlyQueues.Reminders, Queues.SchedlyQueues.Reminders + "-poison",
        Queues.SchedlyQueues.Analytics, Queues.SchedlyQueues.Analytics + "-poison",
        Queues.SchedlyQueues.Emails, Queues.SchedlyQueues.Emails + "-poison",
        Queues.SchedlyQueues.Webhooks, Queues.SchedlyQueues.Webhooks + "-poison",
        Queues.SchedlyQueues.CalendarRefresh, Queues.SchedlyQueues.CalendarRefresh + "-poison",
        Queues.SchedlyQueues.SignInLinks, Queues.SchedlyQueues.SignInLinks + "-poison",
        Queues.SchedlyQueues.CollectiveRecovery, Queues.SchedlyQueues.CollectiveRecovery + "-poison",
    ];

    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        foreach (var table in TableNames)
        {
            await tables.CreateTableIfNotExistsAsync(table, cancellationToken).ConfigureAwait(false);
        }

        await new DatedTableSet(tables).PrepareAsync(clock.GetCurrentInstant(), cancellationToken).ConfigureAwait(false);
        foreach (var queue in QueueNames)
        {
            await queues.GetQueueClient(queue).CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        await blobs.GetBlobContainerClient(Photos.BlobHostPhotoStore.ContainerName).CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
