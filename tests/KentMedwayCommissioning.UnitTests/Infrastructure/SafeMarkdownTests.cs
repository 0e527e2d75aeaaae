using KentMedwayCommissioning.Web.Infrastructure;

namespace KentMedwayCommissioning.UnitTests.Infrastructure;

public sealed class SafeMarkdownTests
{
    [Fact]
    public void Markdown_becomes_html()
    {
        var html = SafeMarkdown.ToHtml("# Summary\n\n* **Agreed**\n* [The plan](https://example.org/plan)");

        Assert.Contains("<h1>Summary</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<strong>Agreed</strong>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://example.org/plan\">The plan</a>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>", "<script")]
    [InlineData("<img src=x onerror=alert(1)>", "<img")]
    [InlineData("[click](javascript:alert(1))", "javascript:")]
    [InlineData("<a href=\"#\" onclick=\"alert(1)\">x</a>", "<a href")]
    [InlineData("<p style=\"background:url(x)\">x</p>", "<p style")]
    [InlineData("<iframe src=\"https://example.org\"></iframe>", "<iframe")]
    public void Nothing_that_could_run_or_restyle_the_page_survives_as_markup(string markdown, string forbidden) =>
        Assert.DoesNotContain(forbidden, SafeMarkdown.ToHtml(markdown), StringComparison.OrdinalIgnoreCase);
}
