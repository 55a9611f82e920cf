using System.Text.Json;
using NodaTime;
using Schedly.Core.Hosts;
using Schedly.Core.Teams;

namespace Schedly.AzureStorage.Tables;

/// <summary>A booking's <see cref="TeamBooking"/> as the JSON of its <c>TeamJson</c> column (a 50-member decision ≈ 6 KB).</summary>
internal static class TeamBookingDocument
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string? Write(TeamBooking? team) => team is null
        ? null
        : JsonSerializer.Serialize(
            new Doc(
                team.Team.Value,
                team.Assignment.ToString(),
                [.. team.Hosts.Select(h => h.Value)],
                team.Reason?.ToString(),
                [.. team.Candidates.Select(c => new CandidateDoc(c.Host.Value, c.Priority, c.Weight, c.Credit, c.LastBookedAt?.ToUnixTimeMilliseconds(), c.Competed))],
                team.CollectiveId,
                team.LedgerChange is { } change ? [.. change.Entries.Select(e => new LedgerEntryDoc(e.Host.Value, e.CreditDelta, e.BookedAt?.ToUnixTimeMilliseconds()))] : null),
            Json);

    /// <summary>Lenient: an unreadable document is no team record rather than an unreadable booking.</summary>
    public static TeamBooking? Read(string? json)
    {
        if (json is null || JsonSerializer.Deserialize<Doc>(json, Json) is not { } doc
            || !TeamSlug.TryParse(doc.Team, out var team) || !Enum.TryParse<TeamAssignment>(doc.Assignment, out var assignment))
        {
            return null;
        }

        return new TeamBooking(team, assignment, [.. (doc.Hosts ?? []).Select(HostSlug.Parse)])
        {
            Reason = Enum.TryParse<AssignmentReason>(doc.Reason, out var reason) ? reason : null,
            Candidates = [.. (doc.Candidates ?? []).Select(c => new RoundRobinCandidate(
                HostSlug.Parse(c.Host), c.Priority, c.Weight, c.Credit, c.LastBookedAtMs is { } ms ? Instant.FromUnixTimeMilliseconds(ms) : null, c.Competed))],
            CollectiveId = doc.CollectiveId,
            LedgerChange = doc.Ledger is { } entries
                ? new LedgerChange([.. entries.Select(e => new LedgerEntryChange(HostSlug.Parse(e.Host), e.Credit, e.BookedAtMs is { } ms ? Instant.FromUnixTimeMilliseconds(ms) : null))])
                : null,
        };
    }

    private sealed record Doc(string Team, string Assignment, List<string>? Hosts, string? Reason, List<CandidateDoc>? Candidates, string? CollectiveId, List<LedgerEntryDoc>? Ledger);

    private sealed record LedgerEntryDoc(string Host, long Credit, long? BookedAtMs);

    private sealed record CandidateDoc(string Host, int Priority, int Weight, long Credit, long? LastBookedAtMs, bool Competed);
}
