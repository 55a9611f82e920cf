using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Schedly.Core.Bookings;
using Schedly.Core.Hosts;
using Schedly.Core.Security;

namespace Schedly.Core.Tests.Security;

/// <summary>The approve/decline link's token: bound to one booking and one secret, and never a manage token.</summary>
public sealed class ApprovalTokenTests
{
    private static readonly ManageTokenIssuer Issuer = new(new string('k', 40));

    [Fact]
    public void ApprovalToken_OfTheBooking_IsAccepted_AndIsNotItsManageToken()
    {
        var booking = BookingId.New(HostSlug.Parse("ada"));

        var approval = Issuer.IssueApproval(booking).Value;

        Assert.StartsWith("ap_", approval, StringComparison.Ordinal);
        Assert.True(Issuer.IsApprovalToken(booking, approval));
        Assert.False(Issuer.IsApprovalToken(booking, Issuer.Issue(booking).Value));
        Assert.False(Issuer.IsApprovalToken(booking, approval[..^1]));
        Assert.False(Issuer.IsApprovalToken(booking, ""));
        Assert.False(new ManageTokenIssuer(new string('x', 40)).IsApprovalToken(booking, approval));
    }

    [Property(MaxTest = 100)]
    public Property ApprovalToken_OpensItsOwnBookingOnly() =>
        Prop.ForAll(
            Gen.Choose(2, 12).ToArbitrary(),
            Gen.Elements("ada", "bob", "clinic-north").ToArbitrary(),
            (count, host) =>
            {
                var ids = Enumerable.Range(0, count).Select(_ => BookingId.New(HostSlug.Parse(host))).ToArray();
                var tokens = ids.Select(id => Issuer.IssueApproval(id).Value).ToArray();
                return ids.SelectMany((id, i) => tokens.Select((token, j) => Issuer.IsApprovalToken(id, token) == (i == j))).All(ok => ok);
            });
}
