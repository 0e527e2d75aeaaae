using Ganss.Xss;
using Markdig;

namespace KentMedwayCommissioning.Web.Infrastructure;

/// <summary>
/// Text written by a secretary (a paper, a minute) rendered from Markdown with Markdig and then sanitised with
/// HtmlSanitizer: raw HTML in the Markdown is not passed through, and whatever Markdown can produce is cleaned again,
/// so no script, handler or style reaches the page.
/// </summary>
public static class SafeMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .Build();

    // Configured once and only read afterwards, so one instance serves every request.
    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    public static string ToHtml(string markdown) => Sanitizer.Sanitize(Markdown.ToHtml(markdown, Pipeline));

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.UnionWith(["https", "http", "mailto"]);
        // No inline style: the site's Content Security Policy would refuse it anyway.
        sanitizer.AllowedAttributes.Remove("style");
        sanitizer.AllowedTags.Remove("img");
        return sanitizer;
    }
}
