using Microsoft.Playwright;

namespace KentMedwayCommissioning.BrowserTests;

/// <summary>
/// WCAG 2.2 1.4.10 (reflow): at 320 CSS pixels wide no public page scrolls sideways. The pages are found the way a
/// visitor finds them, by following every link an anonymous visitor is shown from the home page, so a new page or a
/// new row in the demo data is checked without being listed here.
/// </summary>
[Collection(nameof(SharedBrowser))]
public sealed class ReflowTests(BrowserApp app)
{
    private const int Width = 320;

    /// <summary>Downloads and machine-readable outputs, which a browser does not lay out as a page.</summary>
    private static readonly string[] NotPages = [".csv", ".json", ".atom", ".ics", ".xml", ".txt", ".png", ".svg", ".ico", ".webmanifest", ".py"];

    /// <summary>
    /// Pages of one template differ only in their data: a few of each (three people's pages, three decisions) show
    /// how the template lays out, and keep the crawl to a couple of minutes.
    /// </summary>
    private const int PagesOfOneShape = 3;

    /// <summary>The collections whose next path segment names one of their members.</summary>
    private static readonly HashSet<string> Collections = new(StringComparer.Ordinal) { "people", "bodies", "proposals", "ballots", "decisions", "meetings", "items", "posts", "milestones", "papers" };

    /// <summary>Enough for every page the demo data links to (about a hundred), while a link loop cannot run forever.</summary>
    private const int MostPages = 400;

    [Fact]
    public async Task No_public_page_scrolls_sideways_at_320_pixels()
    {
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = Width, Height = 900 },
        });
        var page = await context.NewPageAsync();
        var seen = new HashSet<string>(StringComparer.Ordinal) { "/" };
        var queue = new Queue<string>(["/"]);
        var wide = new List<string>();
        // A link to a signed-in page lands on the sign-in page: check each page it lands on once.
        var landed = new HashSet<string>(StringComparer.Ordinal);
        var visited = 0;
        var shapes = new Dictionary<string, int>(StringComparer.Ordinal);

        while (queue.TryDequeue(out var path) && visited < MostPages)
        {
            var response = await page.GotoAsync(path);
            if (response is null || !(response.Headers.TryGetValue("content-type", out var type) && type.StartsWith("text/html", StringComparison.Ordinal)))
            {
                continue;
            }

            if (!landed.Add(new Uri(page.Url).AbsolutePath))
            {
                continue;
            }

            visited++;
            var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            if (width > Width)
            {
                var culprits = await page.EvaluateAsync<string[]>(
                    """
                    () => [...document.querySelectorAll('main *')]
                      .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
                      .filter(e => !e.parentElement || e.parentElement.getBoundingClientRect().right <= document.documentElement.clientWidth + 1)
                      .slice(0, 3)
                      .map(e => e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).split(' ').join('.') : '') + ' ' + Math.round(e.getBoundingClientRect().right) + 'px')
                    """);
                wide.Add($"{path} is {width}px wide: {string.Join("; ", culprits)}");
            }

            foreach (var href in await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('a[href]')].map(a => a.href)"))
            {
                if (LocalPage(href) is { } next && seen.Add(next) && shapes.GetValueOrDefault(ShapeOf(next)) < PagesOfOneShape)
                {
                    shapes[ShapeOf(next)] = shapes.GetValueOrDefault(ShapeOf(next)) + 1;
                    queue.Enqueue(next);
                }
            }
        }

        await context.CloseAsync();
        Assert.True(visited > 30, $"Only {visited} public pages were found; the crawl has lost its way.");
        Assert.True(wide.Count == 0, $"Of {visited} public pages, these scroll sideways at {Width}px:\n" + string.Join("\n", wide));
    }

    /// <summary>A page's template: its path with members' numbers and slugs left out, and the names of its query's parameters.</summary>
    private static string ShapeOf(string pathAndQuery)
    {
        var uri = new Uri(new Uri("http://shape"), pathAndQuery);
        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var path = segments.Select((segment, index) => index > 0 && (segment.Any(char.IsDigit) || Collections.Contains(segments[index - 1])) ? "*" : segment);
        var parameters = System.Web.HttpUtility.ParseQueryString(uri.Query).AllKeys.Order(StringComparer.Ordinal);
        return "/" + string.Join('/', path) + "?" + string.Join('&', parameters);
    }

    /// <summary>The path and query of a link to a page of this site a visitor would read, or null.</summary>
    private string? LocalPage(string href)
    {
        if (!Uri.TryCreate(href, UriKind.Absolute, out var uri) || uri.Authority != app.BaseAddress.Authority)
        {
            return null;
        }

        var path = uri.AbsolutePath;
        var notAPage = path.StartsWith("/api/", StringComparison.Ordinal)
            || path.StartsWith("/lib/", StringComparison.Ordinal)
            || NotPages.Any(extension => path.EndsWith(extension, StringComparison.OrdinalIgnoreCase));
        return notAPage ? null : uri.PathAndQuery;
    }
}
