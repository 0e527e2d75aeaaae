using System.Net;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using KentMedwayCommissioning.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;

namespace KentMedwayCommissioning.IntegrationTests;

/// <summary>Reads pages and submits forms the way a browser does, antiforgery token included.</summary>
public sealed class Browsing(WebApplicationFactory<Program> factory, Uri? baseAddress = null)
{
    private static readonly HtmlParser Parser = new();

    public Browsing(TestApp app)
        : this(app.Factory)
    {
    }

    public HttpClient Client { get; } = factory.CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        BaseAddress = baseAddress ?? new WebApplicationFactoryClientOptions().BaseAddress,
    });

    public async Task<IDocument> GetPageAsync(string path, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await Client.GetAsync(path);
        Assert.Equal(expected, response.StatusCode);
        return await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());
    }

    /// <summary>Fills the page's first form that posts (or the one at <paramref name="formIndex"/>), antiforgery token from the page, and submits it.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(string path, IReadOnlyDictionary<string, string> fields, int formIndex = 0)
    {
        var page = await GetPageAsync(path);
        var form = page.QuerySelectorAll("main form").Where(form => string.Equals(form.GetAttribute("method"), "post", StringComparison.OrdinalIgnoreCase)).ElementAt(formIndex);
        var values = new Dictionary<string, string>(fields)
        {
            ["__RequestVerificationToken"] = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
        };
        var action = form.GetAttribute("action");
        return await Client.PostAsync(string.IsNullOrEmpty(action) ? path : action, new FormUrlEncodedContent(values));
    }

    public static async Task<IDocument> ParseAsync(HttpResponseMessage response) =>
        await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());

    public async Task SignInAsync(string email, string password)
    {
        var response = await SubmitAsync("/account/sign-in", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }
}

public static class DocumentText
{
    /// <summary>The words of the page's main content as a reader meets them, without the column headings a responsive table repeats in each cell for phones.</summary>
    public static string MainText(this IDocument document)
    {
        var main = (IElement)document.QuerySelector("main")!.Clone();
        foreach (var heading in main.QuerySelectorAll(".nhsuk-table-responsive__heading"))
        {
            heading.Remove();
        }

        return string.Join(' ', main.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>A table cell's own text, without the column heading a responsive table repeats in it for phones.</summary>
    public static string CellText(this IElement cell) =>
        string.Concat(cell.ChildNodes.Where(node => node is not IElement { ClassName: "nhsuk-table-responsive__heading" }).Select(node => node.TextContent)).Trim();
}
