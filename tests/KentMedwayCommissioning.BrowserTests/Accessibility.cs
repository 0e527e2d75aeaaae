using System.Text.Json;
using Microsoft.Playwright;

namespace KentMedwayCommissioning.BrowserTests;

/// <summary>Runs axe-core (from the web project's npm packages) on a page and lists what it reports.</summary>
public static class Accessibility
{
    private static readonly Lazy<string> AxePath = new(() =>
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "KentMedwayCommissioning.sln")))
        {
            directory = directory.Parent;
        }

        var path = Path.Combine(directory?.FullName ?? ".", "src", "KentMedwayCommissioning.Web", "node_modules", "axe-core", "axe.min.js");
        return File.Exists(path) ? path : throw new FileNotFoundException("axe-core is missing: run npm ci in src/KentMedwayCommissioning.Web (scripts/test.sh does).", path);
    });

    private static readonly Lazy<string> AxeSource = new(() => File.ReadAllText(AxePath.Value));

    public static async Task<IReadOnlyList<string>> ViolationsAsync(IPage page)
    {
        // Evaluated through the browser's debugging protocol, which the page's Content Security Policy does not govern;
        // a script tag would be refused by it, as it should be.
        await page.EvaluateAsync(AxeSource.Value);
        var json = await page.EvaluateAsync<JsonElement>(
            """
            async () => {
              const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
              return result.violations.map(v => `${v.id}: ${v.help} (${v.nodes.map(n => n.target.join(' ')).join(', ')})`);
            }
            """);
        return json.EnumerateArray().Select(violation => violation.GetString()!).ToList();
    }
}

public sealed class AccessibilityCheckTests
{
    /// <summary>Guards the checks above: an empty list must mean axe ran and found nothing, not that it never ran.</summary>
    [Fact]
    public async Task Axe_reports_an_image_without_alternative_text()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserApp.LaunchChromiumAsync(playwright);
        var page = await browser.NewPageAsync();
        await page.SetContentAsync("<!DOCTYPE html><html lang=\"en\"><head><title>Broken</title></head><body><main><img src=\"data:,\"></main></body></html>");

        var violations = await Accessibility.ViolationsAsync(page);

        Assert.Contains(violations, violation => violation.StartsWith("image-alt:", StringComparison.Ordinal));
    }
}
