using System.Text.Encodings.Web;
using KentMedwayCommissioning.Web.Pages.Shared;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace KentMedwayCommissioning.UnitTests.Pages;

/// <summary>The NHS.UK components written in C#: what a person filling in a form, or a screen reader, relies on.</summary>
public sealed class ComponentTests
{
    private static string Html(IHtmlContent content)
    {
        using var writer = new StringWriter();
        content.WriteTo(writer, HtmlEncoder.Default);
        return writer.ToString();
    }

    [Fact]
    public void A_text_input_without_an_error_has_its_label_hint_and_value_and_leaves_out_attributes_it_does_not_have()
    {
        var html = Html(new TextInput("Correction.Reason", "What was wrong", "A typo", Hint: "One sentence").For(new ModelStateDictionary()));

        Assert.Equal(
            """
            <div class="nhsuk-form-group">
                <label class="nhsuk-label" for="correction-reason">What was wrong</label>
                <div class="nhsuk-hint" id="correction-reason-hint">One sentence</div>
                <input class="nhsuk-input" id="correction-reason" name="Correction.Reason" type="text" value="A typo" aria-describedby="correction-reason-hint" spellcheck="false">
            </div>

            """,
            html);
    }

    [Fact]
    public void A_text_input_with_an_error_shows_it_describes_itself_by_it_and_keeps_what_was_typed()
    {
        var modelState = new ModelStateDictionary();
        modelState.SetModelValue("from", "2020-13-01", "2020-13-01");
        modelState.AddModelError("from", "Enter a real date");

        var html = Html(new TextInput("from", "Published from", null, "date").For(modelState));

        Assert.Contains("<div class=\"nhsuk-form-group nhsuk-form-group--error\">", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"nhsuk-error-message\" id=\"from-error\">\n        <span class=\"nhsuk-u-visually-hidden\">Error:</span> Enter a real date", html, StringComparison.Ordinal);
        Assert.Contains("class=\"nhsuk-input nhsuk-input--error\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"2020-13-01\" aria-describedby=\"from-error\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_password_is_never_written_back_into_the_page()
    {
        var modelState = new ModelStateDictionary();
        modelState.SetModelValue("Input.Password", "secret-typed", "secret-typed");
        modelState.AddModelError("Input.Password", "Wrong password");

        var html = Html(new TextInput("Input.Password", "Password", "secret-given", "password", AutoComplete: "current-password").For(modelState));

        Assert.DoesNotContain("secret", html, StringComparison.Ordinal);
        Assert.Contains("type=\"password\" autocomplete=\"current-password\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void What_a_person_typed_is_encoded_not_run()
    {
        var html = Html(new TextInput("q", "Search", "\"><script>alert(1)</script>", "search").For(new ModelStateDictionary()));

        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("value=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_error_summary_is_nothing_when_there_is_no_error()
    {
        var modelState = new ModelStateDictionary();
        modelState.SetModelValue("q", "budget", "budget");

        Assert.Equal("", Html(new ErrorSummary(modelState)));
    }

    [Fact]
    public void The_error_summary_links_each_error_to_its_field_and_leaves_a_page_s_error_unlinked()
    {
        var modelState = new ModelStateDictionary();
        modelState.AddModelError("Correction.Outcome", "Choose an outcome");
        modelState.AddModelError("", "The meeting has closed <now>");

        var html = Html(new ErrorSummary(modelState));

        Assert.Contains("<div role=\"alert\">", html, StringComparison.Ordinal);
        Assert.Contains("<h2 class=\"nhsuk-error-summary__heading\">There is a problem</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<li><a href=\"#correction-outcome\">Choose an outcome</a></li>", html, StringComparison.Ordinal);
        Assert.Contains("<li>The meeting has closed &lt;now&gt;</li>", html, StringComparison.Ordinal);
    }
}
