using Microsoft.Playwright;

namespace OrderGrid.Tests.Browser;

/// <summary>
/// Debian's Chromium, driven by Playwright. Playwright's own browser download is never used (no download is possible
/// on the build machines), so the browser must be installed by the system's package manager; <c>.ci/run</c> does it.
/// </summary>
public static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public const string MissingMessage =
        $"The browser tests need Chromium at {ExecutablePath}. Install it with `sudo apt-get install -y chromium` " +
        "(Debian/Ubuntu; .ci/run installs it on CI). Do not run `playwright install`: the tests use the system browser.";

    public static bool IsInstalled => File.Exists(ExecutablePath);

    /// <summary>Headless, without the sandbox (CI runs as root) and without anything that calls home.</summary>
    public static Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        ArgumentNullException.ThrowIfNull(playwright);
        return playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-quic", "--no-first-run",
                "--disable-component-update", "--disable-sync",
            ],
        });
    }
}