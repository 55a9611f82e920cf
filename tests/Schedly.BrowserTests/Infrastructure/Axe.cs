using System.Text.Json;
using Microsoft.Playwright;
using Schedly.Testing;

namespace Schedly.BrowserTests.Infrastructure;

/// <summary>
/// axe-core (npm, <c>node_modules/axe-core/axe.min.js</c>) run on a page state: every rule axe runs by default (WCAG 2.x
/// A and AA plus best practices); any violation fails with its rule, impact and first elements. The script is added as
/// an init script, which the pages' CSP (no inline scripts) does not apply to.
/// </summary>
public static class Axe
{
    private static readonly Lazy<string> Source = new(() =>
    {
        var path = Path.Combine(RepositoryRoot.Path, "node_modules", "axe-core", "axe.min.js");
        return File.Exists(path)
            ? File.ReadAllText(path)
            : throw new InvalidOperationException($"axe-core is not installed at {path}: run npm ci (scripts/bootstrap.sh).");
    });

    /// <summary>Makes axe available in every page of the context (call before navigating).</summary>
    public static Task AddToAsync(IBrowserContext context) => context.AddInitScriptAsync(Source.Value);

    public static async Task AssertNoViolationsAsync(IPage page, string state)
    {
        var violations = await page.EvaluateAsync<JsonElement>("""
            async () => (await axe.run(document, { resultTypes: ["violations"] })).violations
              .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`)
            """);
        var found = violations.EnumerateArray().Select(v => v.GetString()).ToArray();
        Assert.True(found.Length == 0, $"axe-core on {state}: " + string.Join("; ", found));
    }
}
