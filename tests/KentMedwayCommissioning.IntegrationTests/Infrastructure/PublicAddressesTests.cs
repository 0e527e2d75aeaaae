using System.Net;
using KentMedwayCommissioning.TestSupport;

namespace KentMedwayCommissioning.IntegrationTests.Infrastructure;

/// <summary>Public addresses: open without signing in, and a clear page for an unknown one.</summary>
[Collection(nameof(SharedApp))]
public sealed class PublicAddressesTests(TestApp app)
{
    private readonly Browsing _browser = new(app);

    [Theory]
    [InlineData("/bodies/no-such-body")]
    [InlineData("/people/no-such-person")]
    [InlineData("/bodies/no-such-body/rule")]
    [InlineData("/nowhere")]
    public async Task An_unknown_address_gets_the_not_found_page(string path)
    {
        var page = await _browser.GetPageAsync(path, path.EndsWith("/rule", StringComparison.Ordinal) ? HttpStatusCode.Redirect : HttpStatusCode.NotFound);

        if (!path.EndsWith("/rule", StringComparison.Ordinal))
        {
            Assert.Equal("Page not found", page.QuerySelector("h1")!.TextContent.Trim());
        }
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/bodies")]
    [InlineData("/people")]
    [InlineData("/posts")]
    [InlineData("/account/sign-in")]
    public async Task Public_pages_open_without_signing_in(string path) =>
        await _browser.GetPageAsync(path);
}
