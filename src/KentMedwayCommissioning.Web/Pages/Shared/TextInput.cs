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
    string? CssClass = null);
