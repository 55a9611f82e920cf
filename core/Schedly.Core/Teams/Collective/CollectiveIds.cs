using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace Schedly.Core.Teams.Collective;

/// <summary>
/// A collective booking's id: <c>{team}--{32 hex chars}</c>, so the id alone names the team partition its intent lives
/// in. With an idempotency key the random part is derived from the team and the key, so a retried request continues
/// (or answers with) the same booking; without one it is 128 random bits.
/// </summary>
public static class CollectiveIds
{
    private const string Separator = "--";
    private const int RandomLength = 32;

    public static string New(TeamSlug team, string? idempotencyStorageId)
    {
        ArgumentNullException.ThrowIfNull(team);
        var random = idempotencyStorageId is null
            ? Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(RandomLength / 2))
            : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("schedly-collective|" + team.Value + "|" + idempotencyStorageId)))[..RandomLength];
        return team.Value + Separator + random;
    }

    /// <summary>The id of the collective booking stored as <paramref name="random"/> in <paramref name="team"/>'s partition.</summary>
    public static string Of(TeamSlug team, string random)
    {
        ArgumentNullException.ThrowIfNull(team);
        return team.Value + Separator + random;
    }

    /// <summary>The team a collective booking id belongs to; false for anything not shaped like one.</summary>
    public static bool TryParse(string? id, [NotNullWhen(true)] out TeamSlug? team, [NotNullWhen(true)] out string? random)
    {
        team = null;
        random = null;
        var split = id?.LastIndexOf(Separator, StringComparison.Ordinal) ?? -1;
        if (id is null || split <= 0 || id.Length - split - Separator.Length != RandomLength)
        {
            return false;
        }

        var tail = id[(split + Separator.Length)..];
        if (!tail.All(Uri.IsHexDigit) || !TeamSlug.TryParse(id[..split], out var slug))
        {
            return false;
        }

        (team, random) = (slug, tail);
        return true;
    }

    /// <summary>The team of a well-formed id.</summary>
    public static TeamSlug TeamOf(string id) =>
        TryParse(id, out var team, out _) ? team : throw new ArgumentException("Not a collective booking id.", nameof(id));
}
