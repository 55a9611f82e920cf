using Microsoft.Playwright;
using Schedly.BrowserTests.Pages;

namespace Schedly.BrowserTests.Infrastructure;

/// <summary>
/// Screenshots that docs/PAGES.md shows (<c>docs/images/{name}.png</c>): written when missing, or when
/// <see cref="ScreenshotTests.UpdateDocsVariable"/> is 1, so ordinary runs leave the tree clean.
/// </summary>
public static class DocsImages
{
    public static string PathOf(string name) => Path.Combine(RepositoryRoot.Path, "docs", "images", $"{name}.png");

    /// <summary>The visible part of <paramref name="page"/>.</summary>
    public static Task SaveAsync(IPage page, string name) =>
        WriteAsync(name, path => page.ScreenshotAsync(new PageScreenshotOptions { Path = path, Animations = ScreenshotAnimations.Disabled }));

    /// <summary>One section of a page.</summary>
    public static Task SaveAsync(ILocator section, string name) =>
        WriteAsync(name, path => section.ScreenshotAsync(new LocatorScreenshotOptions { Path = path, Animations = ScreenshotAnimations.Disabled }));

    /// <summary>A screenshot already taken (e.g. a full page among the test's artifacts).</summary>
    public static Task CopyAsync(string captured, string name) =>
        WriteAsync(name, path =>
        {
            File.Copy(captured, path, overwrite: true);
            return Task.FromResult(Array.Empty<byte>());
        });

    private static async Task WriteAsync(string name, Func<string, Task<byte[]>> capture)
    {
        var path = PathOf(name);
        if (File.Exists(path) && Environment.GetEnvironmentVariable(ScreenshotTests.UpdateDocsVariable) != "1")
        {
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await capture(path);
        Assert.True(new FileInfo(path).Length > 1_000, path);
    }
}
