namespace KentMedwayCommissioning.Web.Pages.Shared;

/// <summary>An NHS.UK radios group: a fieldset with its legend, the options as (value, label), and any error for <see cref="Name"/>.</summary>
public sealed record Radios(string Name, string Legend, IReadOnlyList<(string Value, string Label)> Options, string? Selected, string? Hint = null);

public sealed record TextArea(string Name, string Label, string? Value, string? Hint = null, int Rows = 4);
