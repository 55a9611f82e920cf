using Azure.Data.Tables;
using NodaTime;
using Schedly.Core.Hosts;
using Schedly.Core.Security;

namespace Schedly.AzureStorage.Tables;

/// <summary>
/// The <c>profile</c> row of a host partition: profile columns, the API key hash, and the schedule
/// (availability and event types, as a versioned <see cref="ScheduleDocument"/>) in chunked JSON
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
    public const string ScheduleVersion = "ScheduleVersion";
    public const string Bio = "Bio";
    public const string ImageUrl = "ImageUrl";
    public const string Locale = "Locale";
    public const string EmbedOrigins = "EmbedOrigins";
    public const string RetentionDays = "RetentionDays";
    public const string SessionsValidFrom = "SessionsValidFrom";
    public const string Suspended = "Suspended";
    public const string PhotoId = "PhotoId";

    /// <summary>Origins are stored space-separated ("" for none): an origin never contains a space.</summary>
    public static string WriteOrigins(IReadOnlyList<string> origins) => string.Join(' ', origins);

    public static IReadOnlyList<string> ReadOrigins(string? stored) =>
        stored is { Length: > 0 } ? stored.Split(' ', StringSplitOptions.RemoveEmptyEntries) : [];

    public static TableEntity ToEntity(Host host)
    {
        var entity = new TableEntity(host.Slug.Value, SchedlyTables.ProfileRowKey)
        {
            [Name] = host.Profile.Name,
            [Email] = host.Profile.Email,
            [TimeZone] = host.Profile.TimeZone.Id,
            [Bio] = host.Profile.Bio,
            [ImageUrl] = host.Profile.ImageUrl?.AbsoluteUri ?? "",
            [Locale] = host.Profile.Locale,
            [EmbedOrigins] = WriteOrigins(host.Profile.EmbedOrigins),
            [RetentionDays] = host.Profile.RetentionDays,
            [ApiKeyHash] = host.ApiKey.Hex,
            [ApiKeyId] = host.ApiKeyId,
            [FeedTokenHash] = host.FeedTokenHash?.Hex,
            [CreatedAt] = host.CreatedAt.ToDateTimeOffset(),
            [UpdatedAt] = host.UpdatedAt.ToDateTimeOffset(),
            [SessionsValidFrom] = host.SessionsValidFrom?.ToDateTimeOffset(),
            [Suspended] = host.Suspended,
            [PhotoId] = host.Photo?.Id ?? "",
        };
        entity[ScheduleVersion] = ScheduleDocument.CurrentVersion;
        JsonColumns.Write(entity, Availability, ScheduleDocument.WriteAvailability(host.Schedule.Availability));
        JsonColumns.Write(entity, EventTypes, ScheduleDocument.WriteEventTypes(host.Schedule.EventTypes));
        return entity;
    }

    public static Host ToHost(HostSlug slug, TableEntity entity)
    {
        return new Host(
            slug,
            new HostProfile(entity.GetString(Name), entity.GetString(Email), DateTimeZoneProviders.Tzdb[entity.GetString(TimeZone)])
            {
                // Lenient: rows of earlier releases have none of these.
                Bio = entity.GetString(Bio) ?? "",
                ImageUrl = Uri.TryCreate(entity.GetString(ImageUrl), UriKind.Absolute, out var image) ? image : null,
                Locale = entity.GetString(Locale) is { Length: > 0 } locale ? locale : Core.Validation.LocaleRules.Default,
                EmbedOrigins = ReadOrigins(entity.GetString(EmbedOrigins)),
                RetentionDays = entity.GetInt32(RetentionDays) is int days and >= HostProfile.MinRetentionDays and <= HostProfile.MaxRetentionDays ? days : HostProfile.DefaultRetentionDays,
            },
            Core.Security.ApiKeyHash.FromStored(entity.GetString(ApiKeyHash)),
            Instant.FromDateTimeOffset(entity.GetDateTimeOffset(CreatedAt)!.Value),
            Instant.FromDateTimeOffset(entity.GetDateTimeOffset(UpdatedAt)!.Value))
        {
            ApiKeyId = entity.GetString(ApiKeyId) ?? "",
            SessionsValidFrom = entity.GetDateTimeOffset(SessionsValidFrom) is { } from ? Instant.FromDateTimeOffset(from) : null,
            Suspended = entity.GetBoolean(Suspended) ?? false,
            Photo = Core.Hosts.Photos.HostPhoto.Parse(entity.GetString(PhotoId)),
            FeedTokenHash = entity.GetString(FeedTokenHash) is { Length: > 0 } feed ? Core.Security.ApiKeyHash.FromStored(feed) : null,
            Schedule = ScheduleDocument.Read(JsonColumns.Read(entity, Availability), JsonColumns.Read(entity, EventTypes)),
        };
    }
}
