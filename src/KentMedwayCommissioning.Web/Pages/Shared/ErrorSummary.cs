using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace KentMedwayCommissioning.Web.Pages.Shared;

/// <summary>
/// The NHS.UK error summary at the top of a form's page: every error ModelState holds, each linking to its field (or
/// plain, for an error of the whole page). Nothing at all when there is none, which is nearly every request, so it costs
/// next to nothing where it is not needed (it is in C# rather than a partial view for that reason).
/// </summary>
public sealed class ErrorSummary(ModelStateDictionary modelState) : IHtmlContent
{
    public void WriteTo(TextWriter writer, HtmlEncoder encoder)
    {
        if (modelState.ErrorCount == 0)
        {
            return;
        }

        // role="alert" on an inner element, as NHS.UK frontend 10 does, so focus and announcement do not race.
        writer.Write("""
            <div class="nhsuk-error-summary" data-module="nhsuk-error-summary">
                <div role="alert">
                    <h2 class="nhsuk-error-summary__heading">There is a problem</h2>
                    <div class="nhsuk-error-summary__body">
                        <ul class="nhsuk-list nhsuk-error-summary__list">

            """);
        foreach (var (key, entry) in modelState)
        {
            foreach (var error in entry.Errors)
            {
                writer.Write("                <li>");
                if (string.IsNullOrEmpty(key))
                {
                    encoder.Encode(writer, error.ErrorMessage);
                }
                else
                {
                    writer.Write("<a href=\"#");
                    encoder.Encode(writer, Component.IdFor(key));
                    writer.Write("\">");
                    encoder.Encode(writer, error.ErrorMessage);
                    writer.Write("</a>");
                }

                writer.Write("</li>\n");
            }
        }

        writer.Write("""
                        </ul>
                    </div>
                </div>
            </div>

            """);
    }
}
