namespace KentMedwayCommissioning.Web.Pages.Shared;

/// <summary>A person named on a public page: linked when they are listed in public, otherwise named only to administrators.</summary>
public sealed record PersonName(string Name, string Slug, bool IsPublic);
