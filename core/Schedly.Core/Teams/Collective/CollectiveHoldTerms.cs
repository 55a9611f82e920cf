using Schedly.Core.Bookings;
using Schedly.Core.Locations;
using Schedly.Core.Scheduling;

namespace Schedly.Core.Teams.Collective;

/// <summary>
/// What a member's hold is a booking of: the team's event type (at the client's chosen length), the client, where, and
/// the team booking record every member's booking carries. Known to the booking request only: recovery confirms or
/// releases holds that exist and never takes one.
/// </summary>
public sealed record CollectiveHoldTerms(string EventTypeSlug, EventType EventType, ClientDetails Client, BookingLocation? Location, TeamBooking Team);
