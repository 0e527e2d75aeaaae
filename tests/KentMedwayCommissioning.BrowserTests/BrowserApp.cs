using KentMedwayCommissioning.TestSupport;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace KentMedwayCommissioning.BrowserTests;

/// <summary>The app on a loopback port with its demo data, and Debian's Chromium driven by Playwright.</summary>
public sealed class BrowserApp : TestApp
{
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    protected override bool ListenOnLoopback => true;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var addresses = Factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        BaseAddress = new Uri(addresses.Addresses.First());

        _playwright = await Playwright.CreateAsync();
        Browser = await LaunchChromiumAsync(_playwright);
    }

    /// <summary>Debian's Chromium (scripts/test.sh sets KMC_CHROMIUM); Playwright's own browser download does not work here.</summary>
    public static Task<IBrowser> LaunchChromiumAsync(IPlaywright playwright) =>
        playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("KMC_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            // The network here is closed: without these flags Chromium keeps trying to reach Google's services.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });

    public override async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright?.Dispose();
        await base.DisposeAsync();
    }

    /// <summary>
    /// Saves a full-page screenshot when KMC_SCREENSHOTS names a folder, so a developer can look at what a journey
    /// showed; does nothing otherwise.
    /// </summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        var folder = Environment.GetEnvironmentVariable("KMC_SCREENSHOTS");
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);

            // NHS.UK frontend's web font comes from assets.nhs.uk; with no network the text shows once the browser gives up on it.
            await page.WaitForTimeoutAsync(3500);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
        }
    }

    /// <summary>A fresh browser context (its own cookies), as if a different person opened the site.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseAddress.ToString() });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }
}

[CollectionDefinition(nameof(SharedBrowser))]
public sealed class SharedBrowser : ICollectionFixture<BrowserApp>;
