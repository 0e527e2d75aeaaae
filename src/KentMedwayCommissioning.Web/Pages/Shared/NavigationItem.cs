namespace KentMedwayCommissioning.Web.Pages.Shared;

public sealed record NavigationItem(string Text, string Href, bool IsCurrent);
