using Microsoft.Playwright;
using Schedly.BrowserTests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;
using static Schedly.BrowserTests.Infrastructure.PageActions;

namespace Schedly.BrowserTests.Pages;

/// <summary>
/// Every page at desktop (1280×800) and phone (375×740) width, saved as PNG artifacts; at phone
/// width nothing may overflow sideways. The desktop booking form and dashboard also go to docs/images (README, PAGES.md).
/// </summary>
[Collection(BrowserAppCollection.Name)]
public sealed class ScreenshotTests(BrowserAppFixture app, ITestOutputHelper output)
{
    /// <summary>Set to 1 to refresh the screenshots in docs/images (written only when missing otherwise, so runs leave the tree clean).</summary>
    public const string UpdateDocsVariable = "SCHEDLY_UPDATE_DOCS_SCREENSHOT";

    [Theory]
    [InlineData("desktop", 1280, 800)]
    [InlineData("phone", 375, 740)]
    public async Task Pages_AtWidth_RenderWithoutSidewaysOverflowAndAreSaved(string device, int width, int height)
    {
        var slug = await app.CreateHostAsync("shots");
        var day = BrowserAppFixture.DayAhead(3);
        var start = (await app.SlotStartsAsync(slug, day))[3];
        await using var visitor = await app.NewVisitorAsync(BrowserAppFixture.HostZone, width, height);
        var page = await visitor.NewPageAsync();
        var saved = new List<string>();

        await page.GotoAsync($"/book/{slug}");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Intro call" })).ToBeVisibleAsync();
        saved.Add(await CaptureAsync(page, device, "event-types"));

        await page.GotoAsync($"/book/{slug}/intro");
        await OpenDayAsync(page, day);
        saved.Add(await CaptureAsync(page, device, "month"));

        await ChooseAndFillAsync(page, day, start, "Grace Hopper");
        var form = await CaptureAsync(page, device, "form");
        saved.Add(form);
        if (device == "desktop")
        {
            await DocsImages.CopyAsync(form, "booking-page");
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm booking" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "You're booked" })).ToBeVisibleAsync();
        saved.Add(await CaptureAsync(page, device, "confirmation"));

        var manage = await page.Locator("#manage-link").GetAttributeAsync("href");
        await page.GotoAsync(manage!);
        await Expect(page.Locator("#state")).ToHaveTextAsync("Confirmed");
        saved.Add(await CaptureAsync(page, device, "manage"));

        await page.GetByRole(AriaRole.Button, new() { Name = "Choose a new time" }).ClickAsync();
        await WaitForMonthAsync(page);
        saved.Add(await CaptureAsync(page, device, "manage-reschedule"));

        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel booking" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, cancel it" }).ClickAsync();
        await Expect(page.Locator("#state")).ToHaveTextAsync("Cancelled");
        saved.Add(await CaptureAsync(page, device, "manage-cancelled"));

        Assert.Equal(7, saved.Count);
        Assert.All(saved, path => Assert.True(new FileInfo(path).Length > 1_000, path));
        output.WriteLine($"Screenshots ({device}): {app.ArtifactsDirectory}");
    }

    [Theory]
    [InlineData("desktop", 1280, 800)]
    [InlineData("phone", 375, 740)]
    public async Task Dashboard_AtWidth_RendersWithoutSidewaysOverflowAndIsSaved(string device, int width, int height)
    {
        var (slug, apiKey) = await app.CreateHostWithKeyAsync("dashshots");
        var day = BrowserAppFixture.DayAhead(2);
        await app.BookAsync(slug, (await app.SlotStartsAsync(slug, day))[2]);
        await using var visitor = await app.NewVisitorAsync(BrowserAppFixture.HostZone, width, height);
        var page = await visitor.NewPageAsync();

        await page.GotoAsync($"/dashboard/{slug}");
        await Expect(page.GetByLabel("API key")).ToBeVisibleAsync();
        var signIn = await CaptureAsync(page, device, "dashboard-sign-in");

        await SignInAsync(page, slug, apiKey);
        await Expect(page.Locator("#booking-days li.booking-item")).ToHaveCountAsync(1);
        await page.GetByRole(AriaRole.Button, new() { Name = "Edit Intro call" }).ClickAsync();
        await Expect(page.Locator("#type-form")).ToBeVisibleAsync();
        var dashboard = await CaptureAsync(page, device, "dashboard");
        if (device == "desktop")
        {
            await DocsImages.CopyAsync(dashboard, "dashboard-desktop");
        }

        Assert.All([signIn, dashboard], path => Assert.True(new FileInfo(path).Length > 1_000, path));
    }

    [Theory]
    [InlineData("desktop", 1280, 800)]
    [InlineData("phone", 375, 740)]
    public async Task Operator_AtWidth_RendersWithoutSidewaysOverflowAndIsSaved(string device, int width, int height)
    {
        await app.CreateHostWithKeyAsync("opshots");
        await using var visitor = await app.NewVisitorAsync(BrowserAppFixture.HostZone, width, height);
        var page = await visitor.NewPageAsync();
        await page.GotoAsync("/operator");
        await page.GetByLabel("Operator key").FillAsync(BrowserAppFixture.OperatorKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.Locator("#host-list li").First).ToBeVisibleAsync();
        var path = await CaptureAsync(page, device, "operator");
        Assert.True(new FileInfo(path).Length > 1_000, path);
    }

    private async Task<string> CaptureAsync(IPage page, string device, string name)
    {
        var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"{name} at {device} width overflows sideways by {overflow}px");
        var path = await ScreenshotAsync(page, app.ArtifactsDirectory, $"{name}-{device}");
        output.WriteLine(path);
        return path;
    }
}
