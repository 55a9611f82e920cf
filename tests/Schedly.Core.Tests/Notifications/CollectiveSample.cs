using NodaTime;
using Schedly.Core.Bookings;
using Schedly.Core.Hosts;
using Schedly.Core.Scheduling;
using Schedly.Core.Teams;

namespace Schedly.Core.Tests.Notifications;

/// <summary>A collective booking as stored: one booking per member, each with the same <see cref="TeamBooking"/>.</summary>
internal static class CollectiveSample
{
    public const string CollectiveId = "advisors--0123456789abcdef0123456789abcdef";

    /// <summary>The member's booking of a collective booking with <paramref name="hosts"/> (in the order given).</summary>
    public static Booking MemberBooking(string member, params string[] hosts) => Sample.Booking() with
    {
        Id = BookingId.Derived(HostSlug.Parse(member), CollectiveId),
        Team = new TeamBooking(TeamSlug.TryParse("advisors", out var team) ? team : throw new InvalidOperationException(), TeamAssignment.Collective, [.. hosts.Select(HostSlug.Parse)])
        {
            CollectiveId = CollectiveId,
        },
    };

    /// <summary>The team <c>advisors</c> of <paramref name="members"/> with a collective type <c>intro</c> titled "Advice".</summary>
    public static Team Team(params string[] members) => new(
        TeamSlug.TryParse("advisors", out var team) ? team : throw new InvalidOperationException(),
        "Advisors",
        [.. members.Select(m => new TeamMember(HostSlug.Parse(m), 0, 1))],
        new Dictionary<string, TeamEventType>(StringComparer.Ordinal)
        {
            ["intro"] = new(new EventTypeDraft { Title = "Advice" }.Validate().Value, TeamAssignment.Collective),
        });

    /// <summary>A host named <paramref name="name"/>, zone London, with the sample's event type.</summary>
    public static Host Host(string slug, string name, string locale = "en") => Sample.Host() with
    {
        Slug = HostSlug.Parse(slug),
        Profile = new HostProfile(name, $"{slug}@example.org", DateTimeZoneProviders.Tzdb["Europe/London"]) { Locale = locale },
    };
}
