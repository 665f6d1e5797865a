using Microsoft.Playwright;

namespace Foremast.Dashboard.Tests.Support;

/// <summary>
/// Headless Chromium from the system (Debian's <c>chromium</c> package) steered by Playwright's .NET driver: the
/// package ships the driver (its own Node.js and script under <c>.playwright/</c> in the test output), while
/// Playwright's browser download is never used, so <see cref="BrowserTypeLaunchOptions.ExecutablePath"/> names the
/// system browser (<c>FOREMAST_CHROMIUM</c> overrides where it is).
/// </summary>
public sealed class Browser : IAsyncLifetime
{
    private static readonly string[] Candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

    private IPlaywright? _playwright;

    public IBrowser Instance { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var executable = Environment.GetEnvironmentVariable("FOREMAST_CHROMIUM") is { Length: > 0 } configured ? configured : Candidates.FirstOrDefault(File.Exists);
        if (executable is null || !File.Exists(executable))
        {
            throw new InvalidOperationException("No Chromium found (looked for " + string.Join(", ", Candidates) + "). " +
                                                "scripts/test.sh installs Debian's `chromium` package; or set FOREMAST_CHROMIUM.");
        }

        _playwright = await Playwright.CreateAsync();
        Instance = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            // The sandbox needs user namespaces a container (and root) rarely has; the pages are our own.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
        });
    }

    /// <summary>A fresh context (cookies, storage) per test, at a desktop or a phone's size.</summary>
    public async Task<IPage> NewPageAsync(Uri baseUrl, bool phone = false)
    {
        var context = await Instance.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl.ToString(),
            ViewportSize = phone ? new ViewportSize { Width = 390, Height = 844 } : new ViewportSize { Width = 1280, Height = 900 },
            DeviceScaleFactor = 1,
            IsMobile = phone,
            HasTouch = phone,
            Locale = "en-US",
            TimezoneId = "UTC",
        });
        context.SetDefaultTimeout(30_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Instance is not null) await Instance.DisposeAsync();
        _playwright?.Dispose();
    }
}
