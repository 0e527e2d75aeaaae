using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace KentMedwayCommissioning.Web.Pages.Shared;

/// <summary>The NHS.UK components written in C# (<see cref="TextInput"/>, <see cref="ErrorSummary"/>), as views call them.</summary>
public static class Component
{
    public static IHtmlContent TextInput(this IHtmlHelper html, TextInput input) => input.For(html.ViewData.ModelState);

    public static IHtmlContent ErrorSummary(this IHtmlHelper html) => new ErrorSummary(html.ViewData.ModelState);

    /// <summary>The id of a field's element: its name with the dots of a bound form's prefix as dashes, in lower case.</summary>
    public static string IdFor(string name) => name.Replace('.', '-').ToLowerInvariant();

    internal static void WriteError(TextWriter writer, HtmlEncoder encoder, string id, string message)
    {
        writer.Write("    <span class=\"nhsuk-error-message\" id=\"");
        encoder.Encode(writer, id);
        writer.Write("-error\">\n        <span class=\"nhsuk-u-visually-hidden\">Error:</span> ");
        encoder.Encode(writer, message);
        writer.Write("\n    </span>\n");
    }

    /// <summary>Writes <c> name="value"</c>, or nothing when there is no value, as Razor does for an attribute whose value is null.</summary>
    internal static void WriteAttribute(TextWriter writer, HtmlEncoder encoder, string name, string? value)
    {
        if (value is null)
        {
            return;
        }

        writer.Write(' ');
        writer.Write(name);
        writer.Write("=\"");
        encoder.Encode(writer, value);
        writer.Write('"');
    }
}
