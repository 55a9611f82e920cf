namespace Schedly.AzureStorage.Tables;

/// <summary>
/// Table names and the key design. One table holds every host's data, one partition per host
/// (PartitionKey = host slug), so that everything a booking must change atomically sits in one
/// entity-group transaction. Row keys are prefixed by kind and sort by time where time matters.
/// </summary>
public static class SchedlyTables
{
    /// <summary>The per-host table: profile, configuration, bookings, claims, outbox.</summary>
    public const string Hosts = "hosts";

    /// <summary>API key id → owning host (PartitionKey = key id), one point read per admin request.</summary>
    public const string ApiKeys = "apikeys";

    /// <summary>Row key of an <see cref="ApiKeys"/> entity.</summary>
    public const string ApiKeyRowKey = "owner";

    /// <summary>Row key of a host's profile entity.</summary>
    public const string ProfileRowKey = "profile";
}
