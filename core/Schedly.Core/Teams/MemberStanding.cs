using NodaTime;

namespace Schedly.Core.Teams;

/// <summary>
/// What round-robin remembers about one member: the fairness credit (in <see cref="FairnessLedger.CreditPerBooking"/>
/// units per booking) and when the member was last given a booking. A member never seen has credit 0 and no date.
/// </summary>
/// <param name="Credit">Earned while eligible, spent when assigned; the team's credits always sum to zero.</param>
/// <param name="LastBookedAt">When the member was last assigned a booking, or null.</param>
public sealed record MemberStanding(long Credit, Instant? LastBookedAt)
{
    public static readonly MemberStanding New = new(0, null);
}
