using Microsoft.Playwright;
using Schedly.BrowserTests.Infrastructure;
using Schedly.Testing;
using static Microsoft.Playwright.Assertions;

namespace Schedly.BrowserTests.Pages;

/// <summary>
/// A host joins without curl, on a desktop and a phone: the operator invites it on /operator, the host opens the
/// emailed link and lands on the first-run checklist, sets hours and a first event type, and finds its booking link and
/// embed code with copy buttons and a preview; the operator then suspends it and its booking page says it is closed.
/// axe-core on every view.
/// </summary>
[Collection(BrowserAppCollection.Name)]
public sealed class OperatorInviteTests(BrowserAppFixture app)
{
    [Theory]
    [MemberData(nameof(DashboardSignInTests.Viewports), MemberType = typeof(DashboardSignInTests))]
    public async Task Invite_HostSignsInByLink_FirstRunChecklist_ThenSuspended(int width, int height)
    {
        var slug = $"inv-{Guid.NewGuid():N}"[..16];
        var email = $"{slug}@example.com";

        // The operator invites.
        await using var operatorContext = await app.NewVisitorAsync(BrowserAppFixture.HostZone, width, height);
        var op = await operatorContext.NewPageAsync();
        await op.GotoAsync("/operator");
        await op.GetByLabel("Operator key").FillAsync(BrowserAppFixture.OperatorKey);
        await op.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(op.Locator("#invite-form")).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(op);
        await op.GetByLabel("Link name").FillAsync(slug);
        await op.GetByLabel("Name", new() { Exact = true }).FillAsync("Grace Hopper");
        await op.GetByLabel("Email").FillAsync(email);
        await Expect(op.GetByLabel("Time zone")).ToHaveValueAsync(BrowserAppFixture.HostZone);
        await op.GetByRole(AriaRole.Button, new() { Name = "Send invitation" }).ClickAsync();
        await Expect(op.Locator("#invite-status")).ToHaveTextAsync($"Invitation sent to {email}.");
        var row = op.Locator($"#host-list li[data-slug='{slug}']");
        await Expect(row).ToContainTextAsync("Grace Hopper");
        await Expect(row).ToContainTextAsync("Active");

        // The host opens the emailed link and lands on the first run.
        var link = await SignInMailbox.NextLinkAsync(app.MailFolder, slug, 0);
        await using var hostContext = await app.NewVisitorAsync(BrowserAppFixture.HostZone, width, height);
        await hostContext.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        var page = await hostContext.NewPageAsync();
        await page.GotoAsync(link.PathAndQuery + link.Fragment);
        await Expect(page.Locator("#dashboard")).ToBeVisibleAsync();
        await Expect(page.Locator("#first-run-heading")).ToHaveTextAsync("Get started");
        await Expect(page.Locator("#first-run-steps li[data-done='true']")).ToHaveCountAsync(0);
        await Expect(page.Locator("#share")).ToContainTextAsync("once an event type is active");
        await Accessibility.AssertNoViolationsAsync(page);

        // Hours on Monday, then a first event type: each step is ticked when saved.
        var monday = page.Locator("#weekly-monday");
        await monday.GetByRole(AriaRole.Button, new() { Name = "Add hours on Monday" }).ClickAsync();
        await monday.GetByLabel("Monday hours 1 from").FillAsync("09:00");
        await monday.GetByLabel("Monday hours 1 until").FillAsync("17:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save hours" }).ClickAsync();
        await Expect(page.Locator("#hours-status")).ToHaveTextAsync("Hours saved.");
        await Expect(page.Locator("#first-run-steps li[data-done='true']")).ToHaveCountAsync(1);

        await page.GetByRole(AriaRole.Button, new() { Name = "New event type" }).ClickAsync();
        await page.GetByLabel("Slug").FillAsync("intro");
        await page.GetByLabel("Title").FillAsync("Intro call");
        await page.GetByLabel("Duration, minutes").FillAsync("30");
        await page.GetByLabel("Slot interval (minutes)").FillAsync("30");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save event type" }).ClickAsync();
        await Expect(page.Locator("#type-status")).ToHaveTextAsync("Event type saved.");
        await Expect(page.Locator("#first-run-steps li[data-done='true']")).ToHaveCountAsync(3);
        await Expect(page.Locator("#first-run-heading")).ToHaveTextAsync("Your booking links");

        var bookingUrl = new Uri(app.BaseAddress, $"/book/{slug}/intro").ToString();
        await Expect(page.GetByRole(AriaRole.Textbox, new() { Name = "Booking page link" })).ToHaveValueAsync(bookingUrl);
        await Expect(page.GetByRole(AriaRole.Textbox, new() { Name = "Embed code" })).ToHaveValueAsync(
            $"<script src=\"{app.BaseAddress.GetLeftPart(UriPartial.Authority)}/embed.js\" data-schedly=\"{slug}/intro\" async></script>");
        await page.GetByRole(AriaRole.Button, new() { Name = "Copy booking page link" }).ClickAsync();
        await Expect(page.Locator("#first-run-status")).ToHaveTextAsync("Booking page link copied.");
        Assert.Equal(bookingUrl, await page.EvaluateAsync<string>("navigator.clipboard.readText()"));
        await Accessibility.AssertNoViolationsAsync(page);

        var preview = await hostContext.RunAndWaitForPageAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Preview Intro call" }).ClickAsync());
        await Expect(preview.Locator("#title")).ToBeVisibleAsync();
        await Expect(preview).ToHaveURLAsync(PageActions.BookingStepUrl(app.BaseAddress, slug)); // the page may add ?month= once it shows one

        // The operator suspends the host: its booking page says it is closed.
        await op.ReloadAsync();
        await row.GetByRole(AriaRole.Button, new() { Name = "Suspend Grace Hopper" }).ClickAsync(); // other tests' hosts may share the name
        await Expect(row).ToContainTextAsync("Suspended");
        await preview.ReloadAsync();
        await Expect(preview.Locator("#page-status")).ToContainTextAsync("This booking page is closed");
    }
}
