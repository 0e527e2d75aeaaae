namespace KentMedwayCommissioning.Web.Pages.Shared;

public sealed record Checkbox(string Name, string Label, bool IsChecked);
