namespace KentMedwayCommissioning.Web.Pages.Shared;

/// <summary>An NHS.UK select with its label, a first option that chooses nothing, and any error for <see cref="Name"/>.</summary>
public sealed record Select(string Name, string Label, IReadOnlyList<(string Value, string Label)> Options, string? Selected, string NoChoice, string? Hint = null);
