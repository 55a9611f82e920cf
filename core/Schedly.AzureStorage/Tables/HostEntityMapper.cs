using System.Text.Json;
using Azure.Data.Tables;
using NodaTime;
using Schedly.Core.Hosts;
using Schedly.Core.Scheduling;
using Schedly.Core.Security;

namespace Schedly.AzureStorage.Tables;

/// <summary>
/// The <c>profile</c> row of a host partition: profile columns, the API key hash, and the schedule
/// (availability and event types, as the validated JSON drafts the host sent) in chunked JSON
/// columns, so one point read returns all a slot query needs.
/// </summary>
internal static class HostEntityMapper
{
    public const string Name = "Name";
    public const string Email = "Email";
    public const string TimeZone = "TimeZone";
    public const string ApiKeyHash = "ApiKeyHash";
    public const string ApiKeyId = "ApiKeyId";
    public const string FeedTokenHash = "FeedTokenHash";
    public const string CreatedAt = "CreatedAt";
    public const string UpdatedAt = "UpdatedAt";
    public const string Availability = "Availability";
    public const string EventTypes = "EventTypes";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static TableEntity ToEntity(Host host)
    {
        var entity = new TableEntity(host.Slug.Value, SchedlyTables.ProfileRowKey)
        {
            [Name] = host.Profile.Name,
            [Email] = host.Profile.Email,
            [TimeZone] = host.Profile.TimeZone.Id,
            [ApiKeyHash] = host.ApiKey.Hex,
            [ApiKeyId] = host.ApiKeyId,
            [FeedTokenHash] = host.FeedTokenHash?.Hex,
            [CreatedAt] = host.CreatedAt.ToDateTimeOffset(),
            [UpdatedAt] = host.UpdatedAt.ToDateTimeOffset(),
        };
        JsonColumns.Write(entity, Availability, JsonSerializer.Serialize(host.Schedule.Availability, Json));
        JsonColumns.Write(entity, EventTypes, JsonSerializer.Serialize(host.Schedule.EventTypes, Json));
        return entity;
    }

    public static Host ToHost(HostSlug slug, TableEntity entity)
    {
        var availability = JsonColumns.Read(entity, Availability) is { } availabilityJson
            ? JsonSerializer.Deserialize<AvailabilityDraft>(availabilityJson, Json)!
            : HostSchedule.Empty.Availability;
        var eventTypes = JsonColumns.Read(entity, EventTypes) is { } eventTypesJson
            ? JsonSerializer.Deserialize<Dictionary<string, EventTypeDraft>>(eventTypesJson, Json)!
            : new Dictionary<string, EventTypeDraft>(StringComparer.Ordinal);
        return new Host(
            slug,
            new HostProfile(entity.GetString(Name), entity.GetString(Email), DateTimeZoneProviders.Tzdb[entity.GetString(TimeZone)]),
            Core.Security.ApiKeyHash.FromStored(entity.GetString(ApiKeyHash)),
            Instant.FromDateTimeOffset(entity.GetDateTimeOffset(CreatedAt)!.Value),
            Instant.FromDateTimeOffset(entity.GetDateTimeOffset(UpdatedAt)!.Value))
        {
            ApiKeyId = entity.GetString(ApiKeyId) ?? "",
            FeedTokenHash = entity.GetString(FeedTokenHash) is { Length: > 0 } feed ? Core.Security.ApiKeyHash.FromStored(feed) : null,
            Schedule = new HostSchedule(availability, new Dictionary<string, EventTypeDraft>(eventTypes, StringComparer.Ordinal)),
        };
    }
}
