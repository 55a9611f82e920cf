using System.Globalization;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Schedly.BrowserTests.Infrastructure;

/// <summary>What a visitor does on the pages, in Playwright terms. Every wait is bounded by the context's timeout.</summary>
public static class PageActions
{
    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Waits until the month view has loaded (not busy).</summary>
    public static Task WaitForMonthAsync(IPage page) =>
        Expect(page.Locator(".month-grid[aria-busy='false']").First).ToBeVisibleAsync();

    /// <summary>Moves the month view forward (at most three months) until <paramref name="date"/> is shown; returns its day button.</summary>
    public static async Task<ILocator> ShowMonthOfAsync(IPage page, DateOnly date)
    {
        var day = page.Locator($"button.day[data-date='{Iso(date)}']");
        for (var step = 0; step < 3; step++)
        {
            await WaitForMonthAsync(page);
            if (await day.CountAsync() > 0)
            {
                break;
            }

            await page.GetByRole(AriaRole.Button, new() { Name = "Next month" }).ClickAsync();
        }

        await Expect(day).ToBeEnabledAsync();
        return day;
    }

    /// <summary>Shows the month of <paramref name="date"/> and opens that day.</summary>
    public static async Task OpenDayAsync(IPage page, DateOnly date)
    {
        var day = await ShowMonthOfAsync(page, date);
        await day.ClickAsync();
        await Expect(day).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(page.Locator("ul.slot-list button.slot").First).ToBeVisibleAsync();
    }

    /// <summary>/book/{slug}/intro while choosing a time: the address may name the month on screen (<c>?month=2026-12</c>).</summary>
    public static System.Text.RegularExpressions.Regex BookingStepUrl(Uri baseAddress, string slug) =>
        new($"^{System.Text.RegularExpressions.Regex.Escape(new Uri(baseAddress, $"/book/{slug}/intro").ToString())}(\\?month=\\d{{4}}-\\d{{2}})?$");

    public static ILocator Slot(IPage page, string startIso) => page.Locator($"button.slot[data-start='{startIso}']");

    /// <summary>On /book/{host}/intro: opens the day, picks the slot, fills the form (does not submit).</summary>
    public static async Task ChooseAndFillAsync(IPage page, DateOnly localDate, string startIso, string name)
    {
        await OpenDayAsync(page, localDate);
        await Slot(page, startIso).ClickAsync();
        await Expect(page.Locator("#booking-form")).ToBeVisibleAsync();
        await page.GetByLabel("Name").FillAsync(name);
        await page.GetByLabel("Email").FillAsync($"{name.Split(' ')[0].ToLowerInvariant()}@example.com");
        await page.GetByLabel("Notes").FillAsync("Looking forward to it.");
    }

    /// <summary>The local date and "HH:mm – HH:mm" of a slot as a visitor in <paramref name="zone"/> sees it.</summary>
    public static (DateOnly Date, string Range) Local(string startIso, int minutes, string zone)
    {
        var info = TimeZoneInfo.FindSystemTimeZoneById(zone);
        var start = TimeZoneInfo.ConvertTime(DateTimeOffset.Parse(startIso, CultureInfo.InvariantCulture), info);
        var end = start.AddMinutes(minutes);
        return (DateOnly.FromDateTime(start.DateTime), $"{start:HH:mm} – {end:HH:mm}");
    }

    /// <summary>On /dashboard/{host}: pastes the API key, signs in and waits for the bookings to load.</summary>
    public static async Task SignInAsync(IPage page, string slug, string apiKey)
    {
        await page.GotoAsync($"/dashboard/{slug}");
        await page.GetByLabel("API key").FillAsync(apiKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.Locator("#dashboard")).ToBeVisibleAsync();
        await Expect(page.Locator("#booking-days > *").First).ToBeVisibleAsync();
    }

    /// <summary>
    /// After saving the dashboard's event-type editor with one bad field: the status asks for corrections,
    /// <paramref name="field"/> is marked invalid, the list names <paramref name="errorKey"/> and one message is beside it.
    /// </summary>
    public static async Task ExpectOneEditorFieldErrorAsync(IPage page, ILocator field, string errorKey)
    {
        await Expect(page.Locator("#type-status")).ToHaveTextAsync("Please correct the fields marked below.");
        await Expect(field).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator("#type-errors li")).ToContainTextAsync(errorKey + ": ");
        await Expect(page.Locator("#type-form .field-error")).ToHaveCountAsync(1);
    }

    /// <summary>Saves a full-page screenshot and returns its path.</summary>
    public static async Task<string> ScreenshotAsync(IPage page, string directory, string name)
    {
        var path = Path.Combine(directory, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true, Animations = ScreenshotAnimations.Disabled });
        return path;
    }
}
