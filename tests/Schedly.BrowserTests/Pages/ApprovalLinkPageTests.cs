using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Schedly.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Schedly.BrowserTests.Pages;

/// <summary>
/// The host answers a booking request from the link in the request email: the page shows the request and acts only on a
/// button; the answer is taken once; a reused link says where the request stands.
/// </summary>
[Collection(BrowserAppCollection.Name)]
public sealed partial class ApprovalLinkPageTests(BrowserAppFixture app)
{
    [Fact]
    public async Task LinkFromTheEmail_ShowsTheRequest_ApproveOnce_ThenTheLinkSaysItIsAnswered()
    {
        var (slug, key) = await app.CreateHostWithKeyAsync("answer-link");
        await app.PutIntroAsync(slug, key, new { title = "Vetted call", durationMinutes = 30, requiresApproval = true });
        var start = (await app.SlotStartsAsync(slug, BrowserAppFixture.DayAhead(4)))[1];
        var (id, manageToken) = await app.BookAsync(slug, start);
        var link = await ApprovalLinkAsync(id);
        await using var host = await app.NewVisitorAsync(BrowserAppFixture.HostZone);
        var page = await host.NewPageAsync();

        await page.GotoAsync(link);

        await Expect(page.Locator("#state")).ToHaveTextAsync("Awaiting the host's answer");
        await Expect(page.Locator("#subtitle")).ToHaveTextAsync("Vetted call");
        await Expect(page.Locator("#booking-who")).ToHaveTextAsync("From Grace Hopper · grace@example.com");
        await Expect(page.Locator("#client-zone")).ToContainTextAsync("America/New_York");
        await Expect(page.Locator("#lapses")).ToContainTextAsync("the request lapses on");
        await Accessibility.AssertNoViolationsAsync(page);
        Assert.Equal("pendingApproval", await StatusAsync(id, manageToken));

        await page.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();

        await Expect(page.Locator("#answer-status")).ToHaveTextAsync("Approved. Grace Hopper gets the confirmation now.");
        await Expect(page.Locator("#state")).ToHaveTextAsync("Confirmed");
        await Expect(page.Locator("#answer")).ToBeHiddenAsync();
        Assert.Equal("confirmed", await StatusAsync(id, manageToken));

        await page.ReloadAsync();
        await Expect(page.Locator("#page-status")).ToHaveTextAsync("This request no longer waits for an answer: Confirmed.");
        await Expect(page.Locator("#answer")).ToBeHiddenAsync();
        await Expect(page.Locator("#dashboard-link")).ToHaveAttributeAsync("href", $"/dashboard/{slug}");
        await Accessibility.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task OnAPhone_DeclineWithAReason_FreesTheTime()
    {
        var (slug, key) = await app.CreateHostWithKeyAsync("decline-link");
        await app.PutIntroAsync(slug, key, new { title = "Vetted call", durationMinutes = 30, requiresApproval = true });
        var day = BrowserAppFixture.DayAhead(4);
        var start = (await app.SlotStartsAsync(slug, day))[1];
        var (id, manageToken) = await app.BookAsync(slug, start);
        var link = await ApprovalLinkAsync(id);
        Assert.DoesNotContain(start, await app.SlotStartsAsync(slug, day));
        await using var host = await app.NewVisitorAsync(BrowserAppFixture.HostZone, 390, 844);
        var page = await host.NewPageAsync();
        await page.GotoAsync(link);

        await page.GetByRole(AriaRole.Button, new() { Name = "Decline" }).ClickAsync();
        await page.GetByLabel("Reason for declining").FillAsync("Away that week");
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, decline" }).ClickAsync();

        await Expect(page.Locator("#answer-status")).ToHaveTextAsync("Declined. Grace Hopper is told, and the time is free again.");
        Assert.Equal("declined", await StatusAsync(id, manageToken));
        Assert.Contains(start, await app.SlotStartsAsync(slug, day));
    }

    [Fact]
    public async Task ALinkWithAWrongToken_SaysItIsNotValid()
    {
        await using var host = await app.NewVisitorAsync(BrowserAppFixture.HostZone);
        var page = await host.NewPageAsync();

        await page.GotoAsync("/approve#id=nobody-00000000000000000000&token=ap_wrong");

        await Expect(page.Locator("#page-status")).ToContainTextAsync("This approval link is not valid.");
        await Expect(page.Locator("#answer")).ToBeHiddenAsync();
    }

    /// <summary>The approve link of the host's request email, as a path with its fragment.</summary>
    private async Task<string> ApprovalLinkAsync(string bookingId)
    {
        var mail = await app.MailAsync(bookingId, "approvalpending", "host", 0);
        var match = ApproveLink().Match(mail.TextBody ?? "");
        Assert.True(match.Success, "the host's request email carries the approve link");
        return match.Groups["path"].Value;
    }

    private async Task<string> StatusAsync(string id, string manageToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/bookings/{id}");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", manageToken);
        using var response = await app.Client.SendAsync(request);
        var body = await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<System.Text.Json.JsonElement>(response.Content);
        return body.GetProperty("status").GetString()!;
    }

    [GeneratedRegex(@"https?://[^/\s]+(?<path>/approve[^\s]*#id=[^&\s]+&token=[^\s]+)")]
    private static partial Regex ApproveLink();
}
