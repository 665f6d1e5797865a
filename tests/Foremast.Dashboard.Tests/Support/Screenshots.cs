using Microsoft.Playwright;

namespace Foremast.Dashboard.Tests.Support;

/// <summary>
/// Screenshots of real runs. Always written next to the test output; with <c>FOREMAST_SCREENSHOTS</c> set (as
/// scripts/dashboard-screenshots.sh does, to docs/images) also there, which is how the README's pictures are made.
/// </summary>
public static class Screenshots
{
    public static async Task SaveAsync(IPage page, string name, bool fullPage = true)
    {
        var directories = new List<string> { Path.Combine(AppContext.BaseDirectory, "screenshots") };
        if (Environment.GetEnvironmentVariable("FOREMAST_SCREENSHOTS") is { Length: > 0 } extra) directories.Add(extra);
        var shot = await page.ScreenshotAsync(new PageScreenshotOptions { FullPage = fullPage, Animations = ScreenshotAnimations.Disabled });
        foreach (var directory in directories)
        {
            Directory.CreateDirectory(directory);
            await File.WriteAllBytesAsync(Path.Combine(directory, name + ".png"), shot);
        }
    }
}
