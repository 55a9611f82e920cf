using Microsoft.Extensions.DependencyInjection;
using Schedly.AzureStorage.Teams;
using Schedly.Core.Teams;
using Schedly.Core.Teams.Collective;

namespace Schedly.Functions.Composition;

/// <summary>Teams: their storage and use cases.</summary>
public static class TeamServiceCollectionExtensions
{
    public static IServiceCollection AddSchedlyTeams(this IServiceCollection services)
    {
        services.AddSingleton<ITeamRepository, TableTeamRepository>();
        services.AddSingleton<ITeamLedgerStore, TableTeamLedgerStore>();
        services.AddSingleton<ICollectiveIntents, TableCollectiveIntents>();
        services.AddSingleton<ICollectiveRecoveryQueue, QueueCollectiveRecoveryQueue>();
        services.AddSingleton<EditTeams>();
        services.AddSingleton<GetTeamProfile>();
        services.AddSingleton<ListTeamSlots>();
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<CollectiveHolds>(sp));
        services.AddSingleton<RecordRoundRobinLedger>();
        services.AddSingleton<BookTeam>();
        services.AddSingleton(sp => new CancelCollective(sp.GetRequiredService<CollectiveHolds>(), sp.GetRequiredService<ICollectiveRecoveryQueue>(), sp.GetRequiredService<NodaTime.IClock>()));
        services.AddSingleton<RunCollectiveRecovery>();
        services.AddSingleton<PruneCollectiveIntents>();
        return services;
    }
}
