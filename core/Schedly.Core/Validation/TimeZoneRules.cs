using NodaTime;

namespace Schedly.Core.Validation;

/// <summary>Time zones are IANA ids known to the TZDB that NodaTime ships.</summary>
public static class TimeZoneRules
{
    public static DateTimeZone? Required(string? id, string field, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrWhiteSpace(id))
        {
            errors.Add(field, "Required: an IANA time zone id such as Europe/London.");
            return null;
        }

        var zone = Find(id);
        if (zone is null)
        {
            errors.Add(field, $"Unknown time zone '{Truncate(id)}': use an IANA id such as Europe/London.");
        }

        return zone;
    }

    /// <summary>The zone for an exact IANA id (case-sensitive, as TZDB spells it), or null.</summary>
    public static DateTimeZone? Find(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return DateTimeZoneProviders.Tzdb.GetZoneOrNull(id);
    }

    private static string Truncate(string value) => value.Length <= 64 ? value : value[..64] + "…";
}
