using KentMedwayCommissioning.Web.Domain.Programme;

namespace KentMedwayCommissioning.Web.Data.DemoData;

/// <summary>The programme from shadow to operational, as DOMAIN.md's table and the papers give it.</summary>
public static class ProgrammeData
{
    public const string Programme = "Kent and Medway strategic commissioner and single CCG";

    public const string ShadowForm = "Strategic commissioner in shadow form";

    public const string PapersOwner = "Not named in the papers";

    public const string FromThePapers = "Recorded from the papers";

    public sealed record MilestoneFact(string Title, ReportedDate Baseline, bool Done, DateOnly? CompletedOn, string Source);

    public static IReadOnlyList<MilestoneFact> Milestones { get; } =
    [
        new("Accountable officers take transitional roles", new ReportedDate(new DateOnly(2018, 2, 1), "February 2018"), Done: true, CompletedOn: null, Sources.StrategicCommissionerUpdate),
        new("Co-design workshops and stakeholder survey", new ReportedDate(new DateOnly(2018, 3, 1), "March 2018"), Done: true, CompletedOn: null, Sources.ScrutinyStrategicCommissioner),
        new(ShadowForm, new ReportedDate(new DateOnly(2018, 4, 1), "April 2018"), Done: false, CompletedOn: null, Sources.StrategicCommissionerUpdate),
        new("Strategic commissioner fully operational", new ReportedDate(new DateOnly(2020, 4, 1), "April 2020"), Done: false, CompletedOn: null, Sources.ScrutinyStrategicCommissioner),
        new("Single CCG live", new ReportedDate(new DateOnly(2020, 4, 1)), Done: true, CompletedOn: new DateOnly(2020, 4, 1), Sources.ScrutinySingleCcg),
    ];

    /// <summary>The revised plan: shadow form by summer 2019, after progress slowed for six to eight months.</summary>
    public static ReportedDate ShadowFormRevised { get; } = new(new DateOnly(2019, 7, 1), "summer 2019");

    public const string ShadowFormReason =
        "Progress slowed down in the previous six to eight months, with other areas having made more progress than Kent and Medway; the revised plan has the strategic commissioner in shadow form by summer 2019 and fully operational from April 2020 (Medway health scrutiny committee, 2018).";

    public const string StrokeConsultation = "Kent and Medway stroke review consultation";

    public const string StrokeConsultationSubject =
        "The case for change; the proposal to introduce hyper acute stroke units into Kent and Medway; the proposal to have three such units; and the five options for the potential location of those units and of acute stroke services in the future. The papers do not list the five options.";

    public sealed record LevelFact(string Name, string Description, int? PopulationFrom, int? PopulationTo, string Source);

    /// <summary>The co-design levels; the papers give population ranges for Integrated Care Partnerships and PCNs only.</summary>
    public static IReadOnlyList<LevelFact> Levels { get; } =
    [
        new("Strategic commissioner", "Kent and Medway as a whole, a population of around 2 million.", null, null, Sources.JointLeadershipNews),
        new("Sub-system", "East Kent; North Kent, West Kent and Medway. Integrated Care Partnerships work across local geographies of about 250,000 to 750,000 residents.", 250_000, 750_000, Sources.ScrutinySingleCcg),
        new("CCG", "Each clinical commissioning group's own area.", null, null, Sources.StrategicCommissionerUpdate),
        new("GP federation or Primary Care Network", "GP-led Primary Care Networks serve a registered population of about 30,000 to 50,000.", 30_000, 50_000, Sources.ScrutinySingleCcg),
        new("Functions moving from NHS England", "NHS England functions that might sit more appropriately with a strategic commissioner.", null, null, Sources.StrategicCommissionerUpdate),
    ];

    public const string Merger = "Merger of the eight Kent and Medway CCGs into a single CCG";

    public static IReadOnlyList<string> MergerConditions { get; } = ["Appoint an Accountable Officer", "Appoint a Chief Financial Officer"];
}
