using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Schedly.BrowserTests.Infrastructure;
using Schedly.Core.Localization;
using static Microsoft.Playwright.Assertions;
using static Schedly.BrowserTests.Infrastructure.PageActions;

namespace Schedly.BrowserTests.Pages;

/// <summary>The pages in each language: chosen by ?lang, Accept-Language, then the host's default; Arabic right to left; emails in the booking's language.</summary>
[Collection(BrowserAppCollection.Name)]
public sealed class LanguageTests(BrowserAppFixture app)
{
    public static TheoryData<string> Locales() => new(SupportedLocales.All);

    [Theory]
    [MemberData(nameof(Locales))]
    public async Task Book_InEachLanguage_EveryWordAndPluralFromItsCatalog(string locale)
    {
        var catalog = MessageCatalogs.For(locale);
        var slug = await app.CreateHostAsync("lang");
        await using var visitor = await app.NewVisitorAsync(BrowserAppFixture.HostZone);
        await Axe.AddToAsync(visitor);
        var page = await visitor.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) => errors.AddRange(message.Type == "error" ? [message.Text] : []);

        await page.GotoAsync($"/book/{slug}/intro?lang={locale}");
        await WaitForMonthAsync(page);

        var html = page.Locator("html");
        await Expect(html).ToHaveAttributeAsync("lang", locale);
        await Expect(html).ToHaveAttributeAsync("dir", SupportedLocales.Direction(locale));
        await Expect(page.Locator("h1")).ToHaveTextAsync("Intro call");
        await Expect(page.Locator("#subtitle")).ToContainTextAsync(catalog.Text("page.book.withHost", new Dictionary<string, string> { ["host"] = "Ada Lovelace" }));
        await Expect(page.Locator("label[for=zone]")).ToHaveTextAsync(catalog.Text("page.zone"));
        await Expect(page.Locator("#submit")).ToHaveTextAsync(catalog.Text("page.book.submit"));
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = catalog.Text("page.calendar.nextMonth") })).ToBeVisibleAsync();
        Assert.Equal(catalog.Text("page.book.typeDocumentTitle", new Dictionary<string, string> { ["title"] = "Intro call", ["host"] = "Ada Lovelace" }), await page.TitleAsync());

        // The picker's summary is the catalog's plural form for the number of free days, chosen by the browser's
        // Intl.PluralRules: the same form the C# rules pick.
        var freeDays = await page.Locator("button.day.free").CountAsync();
        var month = await page.Locator(".month-label").TextContentAsync();
        var digits = await page.EvaluateAsync<string>("n => new Intl.NumberFormat(document.documentElement.lang).format(n)", freeDays);
        var expected = catalog.Plural("page.calendar.daysInMonth", freeDays, new Dictionary<string, string> { ["month"] = month! })
            .Replace(freeDays.ToString(System.Globalization.CultureInfo.InvariantCulture), digits, StringComparison.Ordinal);
        await Expect(page.Locator(".picker-status")).ToHaveTextAsync(expected);
        await Expect(page.Locator("button.day.free").First).ToHaveAttributeAsync("aria-label", new System.Text.RegularExpressions.Regex(".+"));

        var rtl = locale == "ar";
        Assert.Equal(rtl ? "rtl" : "ltr", await page.EvaluateAsync<string>("getComputedStyle(document.querySelector('.month-grid')).direction"));
        // Two days of one week row: in Arabic the later day is drawn to the left of the earlier one.
        var (earlier, later) = await SameRowDaysAsync(page);
        Assert.True(rtl ? later.X < earlier.X : later.X > earlier.X, $"{locale}: day boxes at {earlier.X} and {later.X}");
        Assert.Empty(errors);
        await Axe.AssertNoViolationsAsync(page, $"the booking page in {locale}");
        await page.ScreenshotAsync(new() { Path = Path.Combine(app.ArtifactsDirectory, $"booking-{locale}.png"), FullPage = true });
    }

    [Fact]
    public async Task Book_LanguageFromAcceptLanguageThenHostDefault()
    {
        var slug = await app.CreateHostAsync("accept");

        // The browser's languages in order of preference (Playwright's locale is its Accept-Language).
        await using (var german = await app.NewVisitorAsync(BrowserAppFixture.HostZone, locale: "de-DE"))
        {
            var page = await german.NewPageAsync();
            await page.GotoAsync($"/book/{slug}/intro");
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "de");
            await Expect(page.Locator("#submit")).ToHaveTextAsync("Buchung bestätigen");
        }

        // q-values decide, not the order; unsupported languages are passed over; the answer varies by the header.
        Assert.Equal("es", await PageLanguageAsync($"/book/{slug}/intro", "ja, de;q=0.5, es;q=0.9"));
        Assert.Equal("pt-BR", await PageLanguageAsync($"/book/{slug}", "pt-PT, pt;q=0.9"));
        Assert.Equal("fr", await PageLanguageAsync($"/manage?lang=fr", "de"));

        // Nothing we speak in the browser's list: the host's default.
        await app.PutHostAsync(slug, new Dictionary<string, object> { ["locale"] = "ar" });
        Assert.Equal("ar", await PageLanguageAsync($"/book/{slug}/intro", "ja-JP, zh;q=0.8"));
        await using var japanese = await app.NewVisitorAsync(BrowserAppFixture.HostZone, locale: "ja-JP");
        var arabic = await japanese.NewPageAsync();
        await arabic.GotoAsync($"/book/{slug}/intro");
        await Expect(arabic.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        await arabic.GotoAsync($"/book/{slug}/intro?lang=en");
        await Expect(arabic.Locator("html")).ToHaveAttributeAsync("lang", "en");
    }

    [Fact]
    public async Task Book_InGerman_TheBookingKeepsItsLanguageForLaterEmails()
    {
        var slug = await app.CreateHostAsync("german");
        var day = BrowserAppFixture.DayAhead(4);
        var start = (await app.SlotStartsAsync(slug, day))[1];
        await using var visitor = await app.NewVisitorAsync(BrowserAppFixture.HostZone, locale: "en-GB");
        var page = await visitor.NewPageAsync();
        await page.GotoAsync($"/book/{slug}/intro?lang=de");

        await OpenDayAsync(page, day);
        await Slot(page, start).ClickAsync();
        await page.GetByLabel("Name").FillAsync("Grete Weber");
        await page.GetByLabel("E-Mail").FillAsync("grete@example.com");
        await page.GetByRole(AriaRole.Button, new() { Name = "Buchung bestätigen" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sie sind gebucht" })).ToBeVisibleAsync();

        var manage = (await page.Locator("#manage-link").GetAttributeAsync("href"))!;
        Assert.StartsWith("/manage?lang=de#id=", manage, StringComparison.Ordinal);
        var fragment = System.Web.HttpUtility.ParseQueryString(manage.Split('#')[1]);
        var (id, token) = (fragment["id"]!, fragment["token"]!);
        using var read = new HttpRequestMessage(HttpMethod.Get, $"/api/bookings/{Uri.EscapeDataString(id)}");
        read.Headers.Authorization = new("Bearer", token);
        using var response = await app.Client.SendAsync(read);
        Assert.Equal("de", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("locale").GetString());

        var confirmation = await app.MailAsync(id, "created", "client", 0);
        Assert.StartsWith("Bestätigt: Intro call mit Ada Lovelace", confirmation.Subject, StringComparison.Ordinal);
        Assert.Contains("Dauer: 30 Minuten", confirmation.TextBody, StringComparison.Ordinal);
        Assert.Contains("/manage?lang=de#id=", confirmation.TextBody, StringComparison.Ordinal);
        var hostCopy = await app.MailAsync(id, "created", "host", 0);
        Assert.StartsWith("Confirmed: Intro call with Grete Weber", hostCopy.Subject, StringComparison.Ordinal);

        // Later, from the manage link: the page and the cancellation email are German too.
        await page.GotoAsync(manage);
        await Expect(page.Locator("#state")).ToHaveTextAsync("Bestätigt");
        await page.GetByRole(AriaRole.Button, new() { Name = "Buchung absagen" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Ja, absagen" }).ClickAsync();
        await Expect(page.Locator("#state")).ToHaveTextAsync("Abgesagt");
        var cancelled = await app.MailAsync(id, "cancelled", "client", 1);
        Assert.StartsWith("Abgesagt: Intro call mit Ada Lovelace", cancelled.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PluralRules_AgreeWithTheBrowsersIntlPluralRules()
    {
        await using var visitor = await app.NewVisitorAsync(BrowserAppFixture.HostZone);
        var page = await visitor.NewPageAsync();
        await page.GotoAsync("/manage");
        long[] counts = [.. Enumerable.Range(0, 1201).Select(n => (long)n), 1_000_000, 2_000_000, 1_000_001, 10_000_000];
        foreach (var locale in SupportedLocales.All)
        {
            var browser = await page.EvaluateAsync<string[]>(
                "([locale, counts]) => counts.map((n) => new Intl.PluralRules(locale).select(n))", new object[] { locale, counts });
            var ours = counts.Select(n => PluralRules.Name(PluralRules.Select(locale, n))).ToArray();
            Assert.Equal(browser, ours);
            var categories = await page.EvaluateAsync<string[]>("locale => new Intl.PluralRules(locale).resolvedOptions().pluralCategories", locale);
            Assert.Equal(categories.Order(StringComparer.Ordinal), PluralRules.Categories(locale).Select(PluralRules.Name).Order(StringComparer.Ordinal));
        }
    }

    private async Task<string> PageLanguageAsync(string path, string acceptLanguage)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);
        using var response = await app.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Accept-Language", response.Headers.Vary);
        var html = await response.Content.ReadAsStringAsync();
        var lang = System.Text.RegularExpressions.Regex.Match(html, "<html lang=\"([^\"]+)\"").Groups[1].Value;
        return lang;
    }

    private static async Task<(LocatorBoundingBoxResult Earlier, LocatorBoundingBoxResult Later)> SameRowDaysAsync(IPage page)
    {
        var days = page.Locator("button.day");
        for (var i = 0; i < 20; i++)
        {
            var first = (await days.Nth(i).BoundingBoxAsync())!;
            var second = (await days.Nth(i + 1).BoundingBoxAsync())!;
            if (Math.Abs(first.Y - second.Y) < 1)
            {
                return (first, second);
            }
        }

        throw new InvalidOperationException("No two days of one row.");
    }
}
