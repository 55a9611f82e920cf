using System.Net;
using NodaTime;
using static Schedly.IntegrationTests.Infrastructure.HttpExtensions;

namespace Schedly.IntegrationTests.Payments;

/// <summary>
/// <c>requiresApproval</c> event types on Azurite: a request holds its slot (a competing request is refused), the host
/// approves or declines it once, and an unanswered one expires before its start, freeing the slot.
/// </summary>
public sealed class ApprovalTests(PaymentAppFixture app) : IClassFixture<PaymentAppFixture>
{
    [Fact]
    public async Task Request_HoldsTheSlot_ApproveConfirmsOnce()
    {
        var (slug, apiKey, start) = await app.HostAsync("approve", PaymentAppFixture.Vetted);
        var (body, id, token) = await app.BookCreatedAsync(slug, start);
        Assert.Equal("pendingApproval", body.GetProperty("status").GetString());
        var expiresAt = PaymentAppFixture.Parse(body.GetProperty("expiresAt").GetString()!);
        Assert.True(expiresAt < PaymentAppFixture.Parse(start), "an unanswered request expires before its start");

        using var competing = await app.BookAsync(slug, start, "rival@example.com");
        await competing.AssertProblemAsync(409, "slot-unavailable");

        using var approved = await app.Client.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/admin/hosts/{slug}/bookings/{id}/approve").WithBearer(apiKey));
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Equal("confirmed", await app.StatusAsync(id, token));

        using var again = await app.Client.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/admin/hosts/{slug}/bookings/{id}/decline").WithBearer(apiKey));
        await again.AssertProblemAsync(409, "booking-not-pending");
        Assert.Equal("confirmed", await app.StatusAsync(id, token));
    }

    [Fact]
    public async Task PublicProfile_SaysWhichTypesWait()
    {
        var (vetted, _, _) = await app.HostAsync("says-vetted", PaymentAppFixture.Vetted);
        var (paid, _, _) = await app.HostAsync("says-paid", PaymentAppFixture.Paid);

        using var vettedProfile = await app.Client.GetAsync($"/api/hosts/{vetted}");
        using var paidProfile = await app.Client.GetAsync($"/api/hosts/{paid}");

        var vettedType = (await vettedProfile.ReadJsonAsync()).GetProperty("eventTypes")[0];
        Assert.True(vettedType.GetProperty("requiresApproval").GetBoolean());
        Assert.False(vettedType.GetProperty("payment").GetProperty("required").GetBoolean());
        var paidType = (await paidProfile.ReadJsonAsync()).GetProperty("eventTypes")[0];
        Assert.False(paidType.GetProperty("requiresApproval").GetBoolean());
        Assert.True(paidType.GetProperty("payment").GetProperty("required").GetBoolean());
    }

    [Fact]
    public async Task Decline_FreesTheSlot()
    {
        var (slug, apiKey, start) = await app.HostAsync("decline", PaymentAppFixture.Vetted);
        var (_, id, token) = await app.BookCreatedAsync(slug, start);

        using var declined = await app.Client.SendAsync(Json(HttpMethod.Post, $"/api/admin/hosts/{slug}/bookings/{id}/decline", new { reason = "Fully booked that week" }).WithBearer(apiKey));

        Assert.Equal(HttpStatusCode.OK, declined.StatusCode);
        var booking = await app.ReadBookingAsync(id, token);
        Assert.Equal("declined", booking.GetProperty("status").GetString());
        Assert.Contains(start, await app.SlotsAsync(slug));
        using var approveLate = await app.Client.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/admin/hosts/{slug}/bookings/{id}/approve").WithBearer(apiKey));
        await approveLate.AssertProblemAsync(409, "booking-not-pending");
    }

    [Fact]
    public async Task Unanswered_ExpiresByDueWork_AndTheSlotIsOfferedAgain()
    {
        var (slug, apiKey, start) = await app.HostAsync("unanswered", PaymentAppFixture.Vetted);
        var (body, id, token) = await app.BookCreatedAsync(slug, start);
        var expiresAt = PaymentAppFixture.Parse(body.GetProperty("expiresAt").GetString()!);

        Assert.True(await PaymentAppFixture.EventuallyAsync(async () =>
        {
            await app.DrainAtAsync(expiresAt + Duration.FromMinutes(2));
            return await app.StatusAsync(id, token) == "expired";
        }), "the unanswered request expires");
        Assert.Contains(start, await app.SlotsAsync(slug));
        using var approveLate = await app.Client.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/admin/hosts/{slug}/bookings/{id}/approve").WithBearer(apiKey));
        await approveLate.AssertProblemAsync(409, "booking-not-pending");

        // Both sides hear of the request and of its expiry; the host's copy of the request links to where it is answered.
        Assert.Contains("/approve", await app.MailAsync(id, "approvalpending", "host"), StringComparison.Ordinal);
        Assert.NotNull(await app.MailAsync(id, "approvalpending", "client"));
        Assert.NotNull(await app.MailAsync(id, "expired", "client", sequence: 1));
        Assert.NotNull(await app.MailAsync(id, "expired", "host", sequence: 1));
    }

    [Fact]
    public async Task OtherHostsKey_CannotApprove()
    {
        var (slug, _, start) = await app.HostAsync("owner", PaymentAppFixture.Vetted);
        var (_, otherKey, _) = await app.HostAsync("stranger", PaymentAppFixture.Vetted);
        var (_, id, token) = await app.BookCreatedAsync(slug, start);

        using var response = await app.Client.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/admin/hosts/{slug}/bookings/{id}/approve").WithBearer(otherKey));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("pendingApproval", await app.StatusAsync(id, token));
    }
}
