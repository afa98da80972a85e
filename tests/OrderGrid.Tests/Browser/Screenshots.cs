using Microsoft.Playwright;

namespace OrderGrid.Tests.Browser;

/// <summary>The README's pictures of the pages: <c>docs/screenshots/*.png</c> at the repository root, rewritten by every run.</summary>
public static class Screenshots
{
    public static async Task Save(IPage page, string fileName)
    {
        ArgumentNullException.ThrowIfNull(page);
        var path = PathOf(fileName);
        await page.ScreenshotAsync(new() { Path = path });
        Assert.True(new FileInfo(path).Length > 0, $"Empty screenshot {path}");
    }

    /// <summary>Where the picture <paramref name="fileName"/> goes (the folder is made when missing).</summary>
    public static string PathOf(string fileName)
    {
        var folder = Path.Combine(Repository.Root, "docs", "screenshots");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, fileName);
    }
}