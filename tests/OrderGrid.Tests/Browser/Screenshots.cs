using Microsoft.Playwright;

namespace OrderGrid.Tests.Browser;

/// <summary>The README's pictures of the pages: <c>docs/screenshots/*.png</c> at the repository root, rewritten by every run.</summary>
public static class Screenshots
{
    public static async Task Save(IPage page, string fileName)
    {
        ArgumentNullException.ThrowIfNull(page);
        var folder = Path.Combine(Repository.Root, "docs", "screenshots");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, fileName);
        await page.ScreenshotAsync(new() { Path = path });
        Assert.True(new FileInfo(path).Length > 0, $"Empty screenshot {path}");
    }
}