using Microsoft.Extensions.DependencyInjection;
using Schedly.AzureStorage.Teams;
using Schedly.Core.Teams;

namespace Schedly.Functions.Composition;

/// <summary>Teams: their storage and use cases.</summary>
public static class TeamServiceCollectionExtensions
{
    public static IServiceCollection AddSchedlyTeams(this IServiceCollection services)
    {
        services.AddSingleton<ITeamRepository, TableTeamRepository>();
        services.AddSingleton<EditTeams>();
        services.AddSingleton<ListTeamSlots>();
        return services;
    }
}
