namespace KentMedwayCommissioning.Web.Pages.Programme;

/// <summary>The milestones one milestone may wait on, as checkboxes named <see cref="Name"/>, with <see cref="Chosen"/> ticked.</summary>
public sealed record DependsOnChoices(string Name, IReadOnlyList<(int Id, string Title)> Milestones, IReadOnlyCollection<int> Chosen);
