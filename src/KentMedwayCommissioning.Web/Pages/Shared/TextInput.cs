using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace KentMedwayCommissioning.Web.Pages.Shared;

/// <summary>One NHS.UK text input with its label, hint and the error ModelState holds for <see cref="Name"/>.</summary>
public sealed record TextInput(
    string Name,
    string Label,
    string? Value,
    string Type = "text",
    string? InputMode = null,
    string? AutoComplete = null,
    string? Hint = null,
    string? CssClass = null)
{
    /// <summary>
    /// The markup, showing what the person typed when the form comes back with an error (never a password). Written in
    /// C#, not as a partial view: the register's search form has three, and a partial costs a view lookup, a view data
    /// copy and a buffer each, a sixth of the register page's time when they were partials.
    /// </summary>
    public IHtmlContent For(ModelStateDictionary modelState) => new Markup(this, modelState);

    private sealed class Markup(TextInput input, ModelStateDictionary modelState) : IHtmlContent
    {
        public void WriteTo(TextWriter writer, HtmlEncoder encoder)
        {
            var id = Component.IdFor(input.Name);
            var entry = modelState.TryGetValue(input.Name, out var state) ? state : null;
            var error = entry is { Errors.Count: > 0 } ? entry.Errors[0].ErrorMessage : null;
            var value = input.Type == "password" ? null : entry?.AttemptedValue ?? input.Value;
            var describedBy = string.Join(' ', new[] { input.Hint is null ? null : $"{id}-hint", error is null ? null : $"{id}-error" }.OfType<string>());

            writer.Write(error is null ? "<div class=\"nhsuk-form-group\">\n" : "<div class=\"nhsuk-form-group nhsuk-form-group--error\">\n");
            writer.Write("    <label class=\"nhsuk-label\" for=\"");
            encoder.Encode(writer, id);
            writer.Write("\">");
            encoder.Encode(writer, input.Label);
            writer.Write("</label>\n");
            if (input.Hint is not null)
            {
                writer.Write("    <div class=\"nhsuk-hint\" id=\"");
                encoder.Encode(writer, id);
                writer.Write("-hint\">");
                encoder.Encode(writer, input.Hint);
                writer.Write("</div>\n");
            }

            if (error is not null)
            {
                Component.WriteError(writer, encoder, id, error);
            }

            writer.Write("    <input class=\"nhsuk-input");
            if (error is not null)
            {
                writer.Write(" nhsuk-input--error");
            }

            if (input.CssClass is not null)
            {
                writer.Write(' ');
                encoder.Encode(writer, input.CssClass);
            }

            writer.Write('"');
            Component.WriteAttribute(writer, encoder, "id", id);
            Component.WriteAttribute(writer, encoder, "name", input.Name);
            Component.WriteAttribute(writer, encoder, "type", input.Type);
            Component.WriteAttribute(writer, encoder, "value", value);
            Component.WriteAttribute(writer, encoder, "inputmode", input.InputMode);
            Component.WriteAttribute(writer, encoder, "autocomplete", input.AutoComplete);
            Component.WriteAttribute(writer, encoder, "aria-describedby", describedBy.Length > 0 ? describedBy : null);
            writer.Write(" spellcheck=\"false\">\n</div>\n");
        }
    }
}
