using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace KentMedwayCommissioning.Web.Pages.Decisions;

/// <summary>
/// The raw baselines' copy of the site layout (Pages/Shared/_Layout.cshtml) as an anonymous visitor gets it in the
/// Decisions section: the same bytes as Razor writes, from the head to the footer, with the asset links versioned by the
/// same <see cref="IFileVersionProvider"/> as <c>asp-append-version</c> and text encoded by the app's own
/// <see cref="HtmlEncoder"/>. It is a second, hand-written implementation of the layout, not shared with the views:
/// IntegrationTests/Bench/BaselineHtmlTests compares each baseline with its page byte for byte, which keeps this copy true.
/// </summary>
public sealed class BaselineLayout(IFileVersionProvider versions, HtmlEncoder encoder, bool isDevelopment)
{
    private const string HeadStart = "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n    <meta charset=\"utf-8\">\n    <title>";

    private const string HeadMiddle =
        """
            <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
            <meta name="theme-color" content="#005eb8">
            <meta name="htmx-config" content='{"includeIndicatorStyles":false,"allowEval":false}'>
            <link rel="icon" href="/lib/nhsuk-frontend/assets/images/favicon.ico" sizes="48x48">
            <link rel="icon" href="/lib/nhsuk-frontend/assets/images/favicon.svg" sizes="any" type="image/svg+xml">
        """;

    /// <summary>From the end of the head to the start of the main column: an anonymous visitor's header and navigation.</summary>
    private const string Header =
        """
        </head>
        <body>
            <a href="#maincontent" class="nhsuk-skip-link" data-module="nhsuk-skip-link">Skip to main content</a>

            <header class="nhsuk-header" data-module="nhsuk-header" role="banner">
                <div class="nhsuk-header__container nhsuk-width-container">
                    <div class="nhsuk-header__service">
                        <a class="nhsuk-header__service-logo" href="/" aria-label="Kent and Medway Commissioning homepage">
                            <svg class="nhsuk-header__logo" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 80" height="40" width="100" focusable="false" role="img" aria-label="NHS">
                                <title>NHS</title>
                                <path fill="currentcolor" d="M200 0v80H0V0h200Zm-27.5 5.5c-14.5 0-29 5-29 22 0 10.2 7.7 13.5 14.7 16.3l.7.3c5.4 2 10.1 3.9 10.1 8.4 0 6.5-8.5 7.5-14 7.5s-12.5-1.5-16-3.5L135 70c5.5 2 13.5 3.5 20 3.5 15.5 0 32-4.5 32-22.5 0-19.5-25.5-16.5-25.5-25.5 0-5.5 5.5-6.5 12.5-6.5a35 35 0 0 1 14.5 3l4-13.5c-4.5-2-12-3-20-3Zm-131 2h-22l-14 65H22l9-45h.5l13.5 45h21.5l14-65H64l-9 45h-.5l-13-45Zm63 0h-18l-13 65h17l6-28H117l-5.5 28H129l13.5-65H125L119.5 32h-20l5-24.5Z" />
                            </svg>
                            <span class="nhsuk-header__service-name">Kent and Medway Commissioning</span>
                        </a>
                    </div>
                    <nav class="nhsuk-header__account" aria-label="Account">
                        <ul class="nhsuk-header__account-list">
                                <li class="nhsuk-header__account-item">
                                    <a class="nhsuk-header__account-link" href="/account/sign-in">Sign in</a>
                                </li>
                        </ul>
                    </nav>
                </div>
                <nav class="nhsuk-header__navigation" aria-label="Menu">
                    <div class="nhsuk-header__navigation-container nhsuk-width-container">
                        <ul class="nhsuk-header__navigation-list">
                    <li class="nhsuk-header__navigation-item">
                        <a class="nhsuk-header__navigation-link" href="/bodies">Bodies</a>
                    </li>
                    <li class="nhsuk-header__navigation-item">
                        <a class="nhsuk-header__navigation-link" href="/posts">Posts</a>
                    </li>
                    <li class="nhsuk-header__navigation-item">
                        <a class="nhsuk-header__navigation-link" href="/people">People</a>
                    </li>
                    <li class="nhsuk-header__navigation-item nhsuk-header__navigation-item--current">
                        <a class="nhsuk-header__navigation-link" href="/decisions" aria-current="page"><strong class="nhsuk-header__navigation-item-current-fallback">Decisions</strong></a>
                    </li>
                    <li class="nhsuk-header__navigation-item">
                        <a class="nhsuk-header__navigation-link" href="/registers">Registers</a>
                    </li>
                    <li class="nhsuk-header__navigation-item">
                        <a class="nhsuk-header__navigation-link" href="/proposals">Proposals</a>
                    </li>
                    <li class="nhsuk-header__navigation-item">
                        <a class="nhsuk-header__navigation-link" href="/programme">Programme</a>
                    </li>
                            <li class="nhsuk-header__menu" hidden>
                                <button class="nhsuk-header__menu-toggle nhsuk-header__navigation-link" id="toggle-menu" aria-expanded="false">
                                    <span class="nhsuk-u-visually-hidden">Browse </span>More
                                </button>
                            </li>
                        </ul>
                    </div>
                </nav>
            </header>

            <div class="nhsuk-width-container">
        """;

    private const string FooterStart =
        """
                </main>
            </div>

            <footer class="nhsuk-footer" role="contentinfo">
                <div class="nhsuk-width-container">
                    <h2 class="nhsuk-u-visually-hidden">Support links</h2>
                    <div class="nhsuk-footer__navigation nhsuk-grid-row">
                        <div class="nhsuk-grid-column-full">
                            <ul class="nhsuk-footer__list">
                                <li class="nhsuk-footer__list-item"><a class="nhsuk-footer__list-item-link" href="/bodies">Bodies</a></li>
                                <li class="nhsuk-footer__list-item"><a class="nhsuk-footer__list-item-link" href="/posts">Register of posts</a></li>
                                <li class="nhsuk-footer__list-item"><a class="nhsuk-footer__list-item-link" href="/people">People</a></li>
                                <li class="nhsuk-footer__list-item"><a class="nhsuk-footer__list-item-link" href="/decisions">Register of decisions</a></li>
                                <li class="nhsuk-footer__list-item"><a class="nhsuk-footer__list-item-link" href="/registers">Registers of interests, gifts and hospitality, and procurement</a></li>
                                <li class="nhsuk-footer__list-item"><a class="nhsuk-footer__list-item-link" href="/programme">Programme</a></li>
                                <li class="nhsuk-footer__list-item"><a class="nhsuk-footer__list-item-link" href="/open-data">Open data</a></li>
                                <li class="nhsuk-footer__list-item"><a class="nhsuk-footer__list-item-link" href="/accessibility">Accessibility statement</a></li>
                            </ul>
                        </div>
                    </div>
                    <div class="nhsuk-footer__meta">
                        <p class="nhsuk-body-s">
                            Records and publishes how the NHS commissioning bodies of Kent and Medway decide things together.
        """;

    /// <summary>The footer says so in Development only, where the demo data (and its invented people) is loaded.</summary>
    private const string DemoNote =
        """
        The demo's bodies, people and posts come from public committee papers (2018 to 2020); people marked
                                <strong>fictional</strong> are invented for the demo.
        """;

    /// <summary>
    /// Writes the layout up to where the page's own content starts: <paramref name="title"/> is the page's title, encoded
    /// here; <paramref name="atomFeed"/> the feed the page links as its alternate, if any; <paramref name="beforeContent"/>
    /// the markup of the page's BeforeContent section (such as a back link), or empty.
    /// </summary>
    public void AppendTop(StringBuilder html, HttpRequest request, string title, string? atomFeed, string beforeContent)
    {
        var encodedTitle = encoder.Encode(title);
        html.Append(HeadStart).Append(encodedTitle).Append(" &#x2013; Kent and Medway Commissioning</title>\n").Append(HeadMiddle)
            .Append("\n    <link rel=\"stylesheet\" href=\"").Append(Versioned(request, "/lib/nhsuk-frontend/nhsuk-frontend.min.css"))
            .Append("\">\n    <link rel=\"stylesheet\" href=\"").Append(Versioned(request, "/css/site.css")).Append("\">\n");
        if (atomFeed is not null)
        {
            html.Append("        <link rel=\"alternate\" type=\"application/atom+xml\" href=\"").Append(encoder.Encode(atomFeed))
                .Append("\" title=\"").Append(encodedTitle).Append(" (Atom)\">\n");
        }

        html.Append("    <script type=\"module\" src=\"").Append(Versioned(request, "/js/site.js")).Append("\"></script>\n    \n")
            .Append(Header).Append("\n        \n").Append(beforeContent)
            .Append("        <main class=\"nhsuk-main-wrapper\" id=\"maincontent\">\n            \n");
    }

    /// <summary>Writes the layout after the page's content: the end of the main column and the footer.</summary>
    public void AppendBottom(StringBuilder html)
    {
        html.Append(FooterStart).Append('\n');
        if (isDevelopment)
        {
            html.Append(DemoNote);
        }

        html.Append("                </p>\n            </div>\n        </div>\n    </footer>\n</body>\n</html>\n");
    }

    private string Versioned(HttpRequest request, string path) => encoder.Encode(versions.AddFileVersionToPath(request.PathBase, path));

    /// <summary>Writes the page to the response as UTF-8, chunk by chunk, without making one string of it first.</summary>
    public static async Task WriteAsync(HttpResponse response, StringBuilder html, CancellationToken cancellationToken)
    {
        response.ContentType = "text/html; charset=utf-8";
        foreach (var chunk in html.GetChunks())
        {
            Encoding.UTF8.GetBytes(chunk.Span, response.BodyWriter);
        }

        await response.BodyWriter.FlushAsync(cancellationToken);
    }
}
