namespace KentMedwayCommissioning.Web.Pages.Shared;

/// <summary>The trail to a page; on small screens NHS.UK frontend shows only a back link to the last step.</summary>
public sealed record Breadcrumbs(params (string Text, string Href)[] Steps);
