using Microsoft.Playwright;
using Schedly.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static Schedly.BrowserTests.Infrastructure.PageActions;

namespace Schedly.BrowserTests.Pages;

/// <summary>The dashboard's event-type editor edits booking questions; the server's errors land beside the fields.</summary>
[Collection(BrowserAppCollection.Name)]
public sealed class DashboardQuestionEditorTests(BrowserAppFixture app)
{
    [Fact]
    public async Task Dashboard_Editor_AddsASelectQuestionWithOptions_ErrorsBesideTheOption_ThenTheBookingFormAsksIt()
    {
        var (slug, key) = await app.CreateHostWithKeyAsync("questions");
        await using var hostContext = await app.NewVisitorAsync(BrowserAppFixture.HostZone);
        var page = await hostContext.NewPageAsync();
        await SignInAsync(page, slug, key);
        var save = page.GetByRole(AriaRole.Button, new() { Name = "Save event type" });

        await page.GetByRole(AriaRole.Button, new() { Name = "Edit Intro call" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add question" }).ClickAsync();
        await page.GetByLabel("Question 1 id").FillAsync("topic");
        await page.GetByLabel("Question 1 label").FillAsync("What shall we talk about?");
        await page.GetByLabel("Question 1 type").SelectOptionAsync("select");
        await page.GetByLabel("Question 1 required").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add option to question 1" }).ClickAsync();
        await page.GetByLabel("Question 1 option 1 id").FillAsync("tax");
        await page.GetByLabel("Question 1 option 1 label").FillAsync("Taxes");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add option to question 1" }).ClickAsync();
        await page.GetByLabel("Question 1 option 2 id").FillAsync("bad id!");
        await page.GetByLabel("Question 1 option 2 label").FillAsync("Pensions");

        // The page does not check option ids: the server refuses the space and the "!", beside that input.
        await save.ClickAsync();
        await ExpectOneEditorFieldErrorAsync(page, page.GetByLabel("Question 1 option 2 id"), "questions[0].options[1].id");

        await page.GetByLabel("Question 1 option 2 id").FillAsync("pension");
        await save.ClickAsync();
        await Expect(page.Locator("#type-status")).ToHaveTextAsync("Event type saved.");
        await Expect(page.GetByLabel("Question 1 id")).ToHaveValueAsync("topic");
        await Expect(page.GetByLabel("Question 1 type")).ToHaveValueAsync("select");
        await Expect(page.GetByLabel("Question 1 required")).ToBeCheckedAsync();
        await Expect(page.GetByLabel("Question 1 option 2 id")).ToHaveValueAsync("pension");

        // The editor re-read the stored event type above; the booking form now asks the question.
        var day = BrowserAppFixture.DayAhead(3);
        var start = (await app.SlotStartsAsync(slug, day))[2];
        var visitor = await hostContext.NewPageAsync();
        await visitor.GotoAsync($"/book/{slug}/intro");
        await ChooseAndFillAsync(visitor, day, start, "Grace Hopper");
        await Expect(visitor.GetByLabel("What shall we talk about?")).ToBeVisibleAsync();
    }
}
