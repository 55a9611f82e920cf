using System.Text.Json;
using Microsoft.Playwright;
using Schedly.Testing;

namespace Schedly.BrowserTests.Infrastructure;

/// <summary>
/// axe-core (npm, <c>node_modules/axe-core/axe.min.js</c>) run in the page as it is now: every violation of the WCAG
/// 2.x A and AA rules fails the test, with each rule and the first offending elements in the message.
/// </summary>
public static class Accessibility
{
    private static readonly Lazy<string> Source = new(() =>
    {
        var path = Path.Combine(RepositoryRoot.Path, "node_modules", "axe-core", "axe.min.js");
        return File.Exists(path) ? File.ReadAllText(path) : throw new InvalidOperationException($"{path} is missing: run npm ci.");
    });

    public static async Task AssertNoViolationsAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.EvaluateAsync(Source.Value);
        var violations = await page.EvaluateAsync<JsonElement>("""
            async () => (await axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } }))
              .violations.map(v => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map(n => n.target.join(" ")).join(", ")}`)
            """);
        var list = violations.EnumerateArray().Select(v => v.GetString()).ToList();
        Assert.True(list.Count == 0, $"axe-core found {list.Count} violation(s) on {page.Url}:\n{string.Join("\n", list)}");
    }
}
