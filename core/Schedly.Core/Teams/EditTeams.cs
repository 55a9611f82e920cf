using Schedly.Core.Concurrency;
using Schedly.Core.Hosts;
using Schedly.Core.Scheduling;
using Schedly.Core.Validation;

namespace Schedly.Core.Teams;

/// <summary>
/// The operator's changes to teams: create or replace a team (every member must be an existing host), create or
/// replace one of its event types. Each is read, change, write at the version read. A member's fairness history is
/// not part of the team row, so changing members or weights never resets it.
/// </summary>
public sealed class EditTeams(ITeamRepository teams, IHostRepository hosts)
{
    public async Task<TeamEditResult<Team>> PutTeamAsync(string teamSlug, TeamDraft draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var errors = new ValidationErrors();
        if (!TeamSlug.TryParse(teamSlug, out var slug))
        {
            errors.Add("team", HostSlug.Rule);
        }

        var valid = draft.Validate(errors);
        if (valid is { } checkedDraft)
        {
            for (var i = 0; i < checkedDraft.Members.Count; i++)
            {
                if (await hosts.FindAsync(checkedDraft.Members[i].Host, cancellationToken).ConfigureAwait(false) is null)
                {
                    errors.Add($"members[{i}].host", "No host has that name.");
                }
            }
        }

        if (!errors.IsEmpty || valid is not { } team || slug is null)
        {
            return new TeamEditResult<Team>.Invalid(errors);
        }

        return await OptimisticConcurrency.RunAsync<TeamEditResult<Team>>("Team change", async ct =>
        {
            var current = await teams.FindAsync(slug, ct).ConfigureAwait(false);
            if (current is null)
            {
                var created = new Team(slug, team.Name, team.Members, new Dictionary<string, TeamEventType>(StringComparer.Ordinal));
                return await teams.TryCreateAsync(created, ct).ConfigureAwait(false)
                    ? new TeamEditResult<Team>.Saved(created, Created: true, created)
                    : Attempt<TeamEditResult<Team>>.Conflict;
            }

            var replaced = current.Value with { Name = team.Name, Members = team.Members };
            return await teams.TryUpdateAsync(replaced, current.Version, ct).ConfigureAwait(false)
                ? new TeamEditResult<Team>.Saved(replaced, Created: false, replaced)
                : Attempt<TeamEditResult<Team>>.Conflict;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Creates or replaces a team event type; <paramref name="assignment"/> is <c>roundRobin</c> or <c>collective</c>.</summary>
    public async Task<TeamEditResult<TeamEventType>> PutEventTypeAsync(string teamSlug, string eventTypeSlug, EventTypeDraft draft, string? assignment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (!TeamSlug.TryParse(teamSlug, out var slug))
        {
            return new TeamEditResult<TeamEventType>.NotFound();
        }

        var errors = new ValidationErrors();
        if (!Slugs.IsValid(eventTypeSlug))
        {
            errors.Add("eventType", HostSlug.Rule);
        }

        var kind = assignment switch
        {
            "roundRobin" => TeamAssignment.RoundRobin,
            "collective" => TeamAssignment.Collective,
            _ => (TeamAssignment?)null,
        };
        if (kind is null)
        {
            errors.Add("assignment", "Required: \"roundRobin\" (any one free member) or \"collective\" (every member).");
        }

        // Team slots and team bookings do not count seats yet: refuse them rather than store a setting nothing obeys.
        if (draft.Seats is not null)
        {
            errors.Add("seats", "Team event types have no seats yet; leave it null.");
        }

        var type = draft.Validate();
        if (!type.IsValid)
        {
            foreach (var (field, messages) in type.Errors.ToDictionary())
            {
                foreach (var message in messages)
                {
                    errors.Add(field, message);
                }
            }
        }

        if (!errors.IsEmpty)
        {
            return new TeamEditResult<TeamEventType>.Invalid(errors);
        }

        var teamType = new TeamEventType(type.Value, kind!.Value);
        return await OptimisticConcurrency.RunAsync<TeamEditResult<TeamEventType>>("Team event type change", async ct =>
        {
            var current = await teams.FindAsync(slug, ct).ConfigureAwait(false);
            if (current is null)
            {
                return new TeamEditResult<TeamEventType>.NotFound();
            }

            var changed = current.Value.WithEventType(eventTypeSlug, teamType);
            return await teams.TryUpdateAsync(changed, current.Version, ct).ConfigureAwait(false)
                ? new TeamEditResult<TeamEventType>.Saved(teamType, Created: current.Value.FindEventType(eventTypeSlug) is null, changed)
                : Attempt<TeamEditResult<TeamEventType>>.Conflict;
        }, cancellationToken).ConfigureAwait(false);
    }
}
