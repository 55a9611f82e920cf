using System.Net;
using System.Text.RegularExpressions;
using MimeKit;
using static Schedly.IntegrationTests.Infrastructure.HttpExtensions;

namespace Schedly.IntegrationTests.Payments;

/// <summary>
/// The signed approve/decline link in the host's request email, on Azurite: it opens a page; reading the request
/// changes nothing (a mail scanner following links cannot answer); the page's answer acts once; the link opens only its
/// own request, and neither the client's manage token nor a guess stands in for it.
/// </summary>
public sealed partial class ApprovalLinkTests(PaymentAppFixture app) : IClassFixture<PaymentAppFixture>
{
    [Fact]
    public async Task LinkInTheHostsEmail_ReadsWithoutAnswering_ThenApprovesOnce()
    {
        var (slug, _, start) = await app.HostAsync("link-approve", PaymentAppFixture.Vetted);
        var (_, id, manageToken) = await app.BookCreatedAsync(slug, start);
        var (linkId, token, page) = await LinkAsync(id);
        Assert.Equal(id, linkId);

        using var pageResponse = await app.Client.GetAsync(page);
        Assert.Equal(HttpStatusCode.OK, pageResponse.StatusCode);
        Assert.Contains("/assets/approve.js", await pageResponse.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        for (var scan = 0; scan < 3; scan++)
        {
            using var read = await app.Client.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/api/approvals/{id}").WithBearer(token));
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
            var request = await read.ReadJsonAsync();
            Assert.Equal("pendingApproval", request.GetProperty("status").GetString());
            Assert.Equal("grace@example.com", request.GetProperty("email").GetString());
        }

        Assert.Equal("pendingApproval", await app.StatusAsync(id, manageToken));

        using var approved = await app.Client.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/approvals/{id}/approve").WithBearer(token));
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Equal("confirmed", (await approved.ReadJsonAsync()).GetProperty("status").GetString());
        Assert.Equal("confirmed", await app.StatusAsync(id, manageToken));
        Assert.NotNull(await app.MailAsync(id, "confirmed", "client"));

        using var again = await app.Client.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/approvals/{id}/approve").WithBearer(token));
        await again.AssertProblemAsync(409, "booking-not-pending");
        using var declineAfter = await app.Client.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/approvals/{id}/decline").WithBearer(token));
        await declineAfter.AssertProblemAsync(409, "booking-not-pending");
        Assert.Equal("confirmed", await app.StatusAsync(id, manageToken));
    }

    [Fact]
    public async Task Link_Declines_WithTheReason_AndTheSlotIsOfferedAgain()
    {
        var (slug, _, start) = await app.HostAsync("link-decline", PaymentAppFixture.Vetted);
        var (_, id, manageToken) = await app.BookCreatedAsync(slug, start);
        var (_, token, _) = await LinkAsync(id);
        Assert.DoesNotContain(start, await app.SlotsAsync(slug));

        using var declined = await app.Client.SendAsync(Json(HttpMethod.Post, $"/api/approvals/{id}/decline", new { reason = "Away that week" }).WithBearer(token));

        Assert.Equal(HttpStatusCode.OK, declined.StatusCode);
        var booking = await app.ReadBookingAsync(id, manageToken);
        Assert.Equal("declined", booking.GetProperty("status").GetString());
        Assert.Equal("Away that week", booking.GetProperty("cancelReason").GetString());
        Assert.Contains(start, await app.SlotsAsync(slug));
        Assert.Contains("Away that week", await app.MailAsync(id, "declined", "client", sequence: 1), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WrongTokens_AndBadInput_AreRefused_AndChangeNothing()
    {
        var (slug, _, start) = await app.HostAsync("link-guard", PaymentAppFixture.Vetted);
        var (_, id, manageToken) = await app.BookCreatedAsync(slug, start);
        var (_, token, _) = await LinkAsync(id);
        var (otherSlug, _, otherStart) = await app.HostAsync("link-other", PaymentAppFixture.Vetted);
        var (_, otherId, _) = await app.BookCreatedAsync(otherSlug, otherStart);

        using var missing = await app.Client.PostAsync($"/api/approvals/{id}/approve", null);
        await missing.AssertProblemAsync(401, "unauthorized");
        using var withManageToken = await app.Client.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/approvals/{id}/approve").WithBearer(manageToken));
        await withManageToken.AssertProblemAsync(404, "not-found");
        using var othersLink = await app.Client.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/approvals/{otherId}/approve").WithBearer(token));
        await othersLink.AssertProblemAsync(404, "not-found");
        using var readOthers = await app.Client.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/api/approvals/{otherId}").WithBearer(token));
        await readOthers.AssertProblemAsync(404, "not-found");
        using var badId = await app.Client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/approvals/not-a-booking").WithBearer(token));
        await badId.AssertProblemAsync(404, "not-found");
        using var badBody = await app.Client.SendAsync(RawJson(HttpMethod.Post, $"/api/approvals/{id}/decline", "{ \"reason\": 5").WithBearer(token));
        await badBody.AssertProblemAsync(400, "malformed-json");
        using var longReason = await app.Client.SendAsync(Json(HttpMethod.Post, $"/api/approvals/{id}/decline", new { reason = new string('x', 5000) }).WithBearer(token));
        await longReason.AssertProblemAsync(400, "validation");

        Assert.Equal("pendingApproval", await app.StatusAsync(id, manageToken));
    }

    /// <summary>The approve link in the host's request email: its booking id, token and the page's path and query.</summary>
    private async Task<(string Id, string Token, string Page)> LinkAsync(string bookingId)
    {
        var raw = await app.MailAsync(bookingId, "approvalpending", "host");
        Assert.NotNull(raw);
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(raw));
        var message = await MimeMessage.LoadAsync(stream);
        var match = ApproveLink().Match(message.TextBody ?? "");
        Assert.True(match.Success, "the host's request email carries the approve link");
        Assert.DoesNotContain("/dashboard/", match.Value, StringComparison.Ordinal);
        return (Uri.UnescapeDataString(match.Groups["id"].Value), Uri.UnescapeDataString(match.Groups["token"].Value), match.Groups["page"].Value);
    }

    [GeneratedRegex(@"https?://[^/\s]+(?<page>/approve[^#\s]*)#id=(?<id>[^&\s]+)&token=(?<token>[^\s]+)")]
    private static partial Regex ApproveLink();
}
