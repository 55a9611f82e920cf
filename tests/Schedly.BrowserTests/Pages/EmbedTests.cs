using System.Net;
using System.Text.Json;
using Microsoft.Playwright;
using Schedly.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static Schedly.BrowserTests.Infrastructure.PageActions;

namespace Schedly.BrowserTests.Pages;

/// <summary>/embed.js on a host's own site (another loopback origin): inline, popup, floating button, events, the allow-list.</summary>
[Collection(BrowserAppCollection.Name)]
public sealed class EmbedTests(BrowserAppFixture app)
{
    [Fact]
    public async Task Embed_OnAnAllowedSite_BooksInlineAndInAPopupAndReportsEvents()
    {
        var slug = await app.CreateHostAsync("embed");
        await using var site = new EmbeddingSite(app.BaseAddress, $"/book/{slug}/intro");
        await app.PutHostAsync(slug, new Dictionary<string, object> { ["embedOrigins"] = new[] { site.Origin, "https://ada.example" } });
        var day = BrowserAppFixture.DayAhead(3);
        var starts = await app.SlotStartsAsync(slug, day);

        await using var visitor = await app.NewVisitorAsync(BrowserAppFixture.HostZone);
        var page = await visitor.NewPageAsync();
        await page.GotoAsync(site.PageUrl);

        // Inline: the booking page in a frame that grows to its content.
        var inline = page.FrameLocator("#inline iframe");
        await Expect(inline.Locator("h1")).ToHaveTextAsync("Intro call");
        await WaitForEventAsync(page, "loaded");
        var frameHeight = await page.Locator("#inline iframe").EvaluateAsync<double>("f => f.getBoundingClientRect().height");
        var contentHeight = await inline.Locator("html").EvaluateAsync<double>("h => h.scrollHeight");
        Assert.InRange(frameHeight, contentHeight - 2, contentHeight + 2);

        await BookInFrameAsync(inline, day, starts[0], "Grace Hopper");
        var booked = await WaitForEventAsync(page, "booked");
        Assert.Equal(starts[0], booked.GetProperty("start").GetString());
        Assert.Equal(slug, booked.GetProperty("host").GetString());
        Assert.Equal(1, booked.GetProperty("version").GetInt32());
        var selected = await WaitForEventAsync(page, "timeSelected");
        Assert.Equal(starts[0], selected.GetProperty("start").GetString());

        // No personal data in any event: no name, email, id or token.
        var all = await page.EvaluateAsync<JsonElement>("JSON.stringify(window.received)");
        Assert.DoesNotContain("Grace", all.GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("@example.com", all.GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("mt_", all.GetString(), StringComparison.Ordinal);

        // The manage link stays in the frame (framed under the same allow-list): cancelling there reports "cancelled".
        await inline.GetByRole(AriaRole.Link, new() { Name = "Manage or cancel" }).ClickAsync();
        await Expect(inline.Locator("#state")).ToHaveTextAsync("Confirmed");
        await inline.GetByRole(AriaRole.Button, new() { Name = "Cancel booking" }).ClickAsync();
        await inline.GetByRole(AriaRole.Button, new() { Name = "Yes, cancel it" }).ClickAsync();
        var cancelled = await WaitForEventAsync(page, "cancelled");
        Assert.Equal(slug, cancelled.GetProperty("host").GetString());

        // Popup: opened by a button, closed by Escape.
        await page.EvaluateAsync("window.received = []");
        await page.Locator("#open-popup").ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToBeVisibleAsync();
        var popup = page.FrameLocator("[data-schedly-popup-overlay] iframe");
        await BookInFrameAsync(popup, day, starts[1], "Alan Turing");
        var second = await WaitForEventAsync(page, "booked");
        Assert.Equal(starts[1], second.GetProperty("start").GetString());
        await page.Keyboard.PressAsync("Escape");
        await Expect(dialog).ToHaveCountAsync(0);

        // The floating button opens the same popup.
        await page.Locator("[data-schedly-floating]").ClickAsync();
        await Expect(page.FrameLocator("[data-schedly-popup-overlay] iframe").Locator("h1")).ToHaveTextAsync("Intro call");
        var later = (await page.EvaluateAsync<JsonElement>("JSON.stringify(window.received)")).GetString();
        Assert.DoesNotContain("Alan", later, StringComparison.Ordinal);
        Assert.DoesNotContain("@example.com", later, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Embed_OnASiteNotAllowed_IsRefusedAndSendsNothing()
    {
        var slug = await app.CreateHostAsync("refuse");
        await using var allowed = new EmbeddingSite(app.BaseAddress, $"/book/{slug}/intro");
        await using var stranger = new EmbeddingSite(app.BaseAddress, $"/book/{slug}/intro");
        await app.PutHostAsync(slug, new Dictionary<string, object> { ["embedOrigins"] = new[] { allowed.Origin } });

        using (var response = await app.Client.GetAsync($"/book/{slug}/intro"))
        {
            var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
            Assert.EndsWith($"frame-ancestors 'self' {allowed.Origin}", csp, StringComparison.Ordinal);
            Assert.False(response.Headers.Contains("X-Frame-Options"));
        }

        var other = await app.CreateHostAsync("noembed");
        using (var response = await app.Client.GetAsync($"/book/{other}/intro"))
        {
            Assert.EndsWith("frame-ancestors 'self'", Assert.Single(response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
            Assert.Equal("SAMEORIGIN", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        }

        await using var visitor = await app.NewVisitorAsync(BrowserAppFixture.HostZone);
        var page = await visitor.NewPageAsync();
        var refusals = new List<string>();
        page.Console += (_, message) => refusals.AddRange(message.Text.Contains("frame-ancestors", StringComparison.Ordinal) ? [message.Text] : []);
        await page.GotoAsync(stranger.PageUrl);
        await Expect(page.Locator("#inline iframe")).ToHaveCountAsync(1);
        await page.WaitForTimeoutAsync(1500);

        Assert.NotEmpty(refusals);
        await Expect(page.FrameLocator("#inline iframe").Locator("#main")).ToHaveCountAsync(0);
        Assert.Equal(0, await page.EvaluateAsync<int>("window.received.length"));
    }

    [Fact]
    public async Task Embed_MessageFromAnotherOriginOrShape_IsIgnored()
    {
        var slug = await app.CreateHostAsync("forge");
        await using var site = new EmbeddingSite(app.BaseAddress, $"/book/{slug}/intro");
        await app.PutHostAsync(slug, new Dictionary<string, object> { ["embedOrigins"] = new[] { site.Origin } });
        await using var visitor = await app.NewVisitorAsync(BrowserAppFixture.HostZone);
        var page = await visitor.NewPageAsync();
        await page.GotoAsync(site.PageUrl);
        await WaitForEventAsync(page, "loaded");

        // The site's own window posting a well-formed "booked" (wrong origin and source), and the frame posting an old version.
        await page.EvaluateAsync("window.postMessage({ source: 'schedly', version: 1, type: 'booked', data: {} }, '*')");
        await page.FrameLocator("#inline iframe").Locator("html").EvaluateAsync(
            "() => parent.postMessage({ source: 'schedly', version: 0, type: 'booked', data: {} }, '*')");
        await page.WaitForTimeoutAsync(500);

        Assert.Equal(0, await page.EvaluateAsync<int>("window.received.filter((e) => e.type === 'booked').length"));
    }

    private static async Task BookInFrameAsync(IFrameLocator frame, DateOnly day, string start, string name)
    {
        var dayButton = frame.Locator($"button.day[data-date='{Iso(day)}']");
        for (var step = 0; step < 3 && await dayButton.CountAsync() == 0; step++)
        {
            await Expect(frame.Locator(".month-grid[aria-busy='false']")).ToBeVisibleAsync();
            if (await dayButton.CountAsync() == 0)
            {
                await frame.GetByRole(AriaRole.Button, new() { Name = "Next month" }).ClickAsync();
            }
        }

        await dayButton.ClickAsync();
        await frame.Locator($"button.slot[data-start='{start}']").ClickAsync();
        await frame.GetByLabel("Name").FillAsync(name);
        await frame.GetByLabel("Email").FillAsync($"{name.Split(' ')[0].ToLowerInvariant()}@example.com");
        await frame.GetByRole(AriaRole.Button, new() { Name = "Confirm booking" }).ClickAsync();
        await Expect(frame.GetByRole(AriaRole.Heading, new() { Name = "You're booked" })).ToBeVisibleAsync();
    }

    private static async Task<JsonElement> WaitForEventAsync(IPage page, string type)
    {
        await page.WaitForFunctionAsync("type => window.received.some((e) => e.type === type)", type, new() { Timeout = BrowserAppFixture.WaitMilliseconds });
        return await page.EvaluateAsync<JsonElement>("type => window.received.filter((e) => e.type === type).at(-1).detail", type);
    }
}
