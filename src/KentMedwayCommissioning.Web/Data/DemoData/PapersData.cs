using KentMedwayCommissioning.Web.Domain;

namespace KentMedwayCommissioning.Web.Data.DemoData;

/// <summary>
/// What the source papers say about bodies, people and posts, written down once as data.
/// Dates the papers do not give are left empty rather than guessed.
/// </summary>
public static class PapersData
{
    /// <summary>"From February" 2018: the papers give the month only.</summary>
    public static readonly DateOnly TransitionalRolesBegin = new(2018, 2, 1);
    public static readonly DateOnly SingleCcgLive = new(2020, 4, 1);
    public static readonly DateOnly EightCcgsClose = SingleCcgLive.AddDays(-1);

    public sealed record BodyFact(string Name, BodyKind Kind, SubSystem? SubSystem, string Description, DateOnly? From = null, DateOnly? To = null);

    public sealed record PostFact(string BodyName, string Title, string Source);

    public sealed record AppointmentFact(string PersonName, string BodyName, string PostTitle, AppointmentKind Kind, DateOnly? From, string Source, DatePrecision FromPrecision = DatePrecision.Day);

    public sealed record MembershipFact(string PersonName, string BodyName, MemberRole Role, MemberBackground Background, bool HasVote);

    public const string Ashford = "Ashford CCG";
    public const string CanterburyAndCoastal = "Canterbury and Coastal CCG";
    public const string SouthKentCoast = "South Kent Coast CCG";
    public const string Thanet = "Thanet CCG";
    public const string DartfordGraveshamSwanley = "Dartford, Gravesham and Swanley CCG";
    public const string Swale = "Swale CCG";
    public const string MedwayCcg = "Medway CCG";
    public const string WestKent = "West Kent CCG";
    public const string Bexley = "Bexley CCG";
    public const string HighWeald = "High Weald Lewes Havens CCG";
    public const string Jcccg = "Joint Committee of Clinical Commissioning Groups";
    public const string StrategicCommissioner = "Kent and Medway Strategic Commissioner";
    public const string StpProgrammeBoard = "Kent and Medway STP Programme Board";
    public const string StrokeProgrammeBoard = "Kent and Medway Stroke Programme Board";
    public const string HealthScrutiny = "Medway Council Health Scrutiny Committee";
    public const string NhsEngland = "NHS England";
    public const string SingleCcg = "Kent and Medway CCG";
    public const string StrategicCommissionerJointCommittee = "Kent and Medway Strategic Commissioner Joint Committee";
    public const string SteeringGroup = "Kent and Medway Strategic Commissioner Steering Group";

    public sealed record Remit(string BodyName, string TermsOfReference, bool? MeetsInPublic);

    public static IReadOnlyList<Remit> Remits { get; } =
    [
        new(Jcccg,
            "The decision-making body for the Kent and Medway stroke review: it receives recommendations from the Stroke Programme Board and, after the public consultation and with all other available evidence, decides the future shape of urgent stroke care, including the hyper acute stroke units and their locations.",
            null),
        new(StrategicCommissionerJointCommittee,
            "Oversees the development of the strategic commissioner across the Kent and Medway CCGs.",
            true),
    ];

    /// <summary>The strategic commissioner is "led by a joint committee" of the eight CCGs (Knowledge Hub, 2018).</summary>
    public static IReadOnlyList<string> StrategicCommissionerJointCommitteeMembers => EightCcgs;

    /// <summary>The eight Kent and Medway CCGs, merged into one on 1 April 2020.</summary>
    public static IReadOnlyList<string> EightCcgs { get; } =
        [Ashford, CanterburyAndCoastal, SouthKentCoast, Thanet, DartfordGraveshamSwanley, Swale, MedwayCcg, WestKent];

    public static IReadOnlyList<BodyFact> Bodies { get; } =
    [
        Ccg(Ashford, SubSystem.EastKent),
        Ccg(CanterburyAndCoastal, SubSystem.EastKent),
        Ccg(SouthKentCoast, SubSystem.EastKent),
        Ccg(Thanet, SubSystem.EastKent),
        Ccg(DartfordGraveshamSwanley, SubSystem.NorthKent),
        Ccg(Swale, SubSystem.NorthKent),
        Ccg(MedwayCcg, SubSystem.Medway),
        Ccg(WestKent, SubSystem.WestKent),
        new(Bexley, BodyKind.ClinicalCommissioningGroup, null,
            "A neighbouring CCG that sits on the Joint Committee of Clinical Commissioning Groups for the stroke review."),
        new(HighWeald, BodyKind.ClinicalCommissioningGroup, null,
            "A neighbouring CCG (\"High Weald, Lewes and Haven CCG\" in the Programme Board's news) that sits on the Joint Committee of Clinical Commissioning Groups for the stroke review."),
        new(Jcccg, BodyKind.JointCommittee, null,
            "The eight Kent and Medway CCGs plus Bexley CCG and High Weald Lewes Havens CCG: the decision-making body for the Kent and Medway stroke review. It receives recommendations from the Stroke Programme Board and decides after the public consultation."),
        new(StrategicCommissioner, BodyKind.StrategicCommissioner, null,
            "A strategic commissioner function working across the Kent and Medway CCGs, first planned in shadow form from April 2018 and later expected in shadow form by summer 2019 and fully operational from April 2020. Its development is overseen by a joint committee expected to meet in public, with a steering group of clinical chairs, the two managing directors and councillors of Medway Council and Kent County Council."),
        new(StpProgrammeBoard, BodyKind.ProgrammeBoard, null,
            "The Kent and Medway Sustainability and Transformation Partnership Programme Board, chaired by the STP Chief Executive. It met on Monday 5 February 2018."),
        new(StrokeProgrammeBoard, BodyKind.ProgrammeBoard, null,
            "Makes recommendations on the Kent and Medway stroke review to the Joint Committee of Clinical Commissioning Groups."),
        new(HealthScrutiny, BodyKind.ScrutinyCommittee, SubSystem.Medway,
            "Medway Council's health scrutiny committee (HASC). It receives reports from the NHS and minutes its decisions, for example \"The Committee noted the report\"."),
        new(NhsEngland, BodyKind.Regulator, null,
            "Approves (or not) a merger of CCGs, possibly subject to conditions."),
        new(StrategicCommissionerJointCommittee, BodyKind.JointCommittee, null,
            "The joint committee of the eight Kent and Medway CCGs that leads and oversees the development of the strategic commissioner; it was anticipated to meet in public."),
        new(SteeringGroup, BodyKind.ProgrammeBoard, null,
            "Oversees the work on the strategic commissioner: the clinical chairs, the two managing directors for the Kent and Medway CCGs, and councillors from Medway Council and Kent County Council. The papers name none of its members."),
        new(SingleCcg, BodyKind.ClinicalCommissioningGroup, null,
            "The single CCG for Kent and Medway, formed by merging the eight Kent and Medway CCGs, live from 1 April 2020. NHS England approved the merger subject to conditions.",
            From: SingleCcgLive),
    ];

    public static IReadOnlyList<string> JcccgMembers { get; } = [.. EightCcgs, Bexley, HighWeald];

    /// <summary>Real people named in the papers.</summary>
    public static IReadOnlyList<string> People { get; } =
        ["Ian Ayres", "Patricia Davies", "Simon Perks", "Caroline Selkirk", "Hazel Smith", "Glenn Douglas"];

    public static IReadOnlyList<(string PersonName, string[] Ccgs, string TransitionalRole)> AccountableOfficers { get; } =
    [
        ("Ian Ayres", [WestKent], "Medway, North and West Kent Managing Director"),
        ("Patricia Davies", [DartfordGraveshamSwanley, Swale], "Director of Acute Strategy"),
        ("Simon Perks", [Ashford, CanterburyAndCoastal], "Medway, North and West Kent Deputy Managing Director"),
        ("Caroline Selkirk", [MedwayCcg], "East Kent Managing Director"),
        ("Hazel Smith", [SouthKentCoast, Thanet], "Director of Partnerships"),
    ];

    public const string AccountableOfficerTitle = "Accountable Officer";

    /// <summary>Posts the interim structure and the merger name but nobody yet fills.</summary>
    public static IReadOnlyList<PostFact> VacantPosts { get; } =
    [
        new(StrategicCommissioner, "Accountable Officer for all Kent and Medway CCGs", Sources.JointLeadershipNews),
        new(StrategicCommissioner, "Director of Strategic Commissioning Partnerships", Sources.JointLeadershipNews),
        new(StrategicCommissioner, "Director of Nursing and Quality", Sources.JointLeadershipNews),
        new(StpProgrammeBoard, "STP Medical Director", Sources.JointLeadershipNews),
        new(StpProgrammeBoard, "STP Programme Director", Sources.JointLeadershipNews),
        new(SingleCcg, AccountableOfficerTitle, Sources.ScrutinySingleCcg),
        new(SingleCcg, "Chief Financial Officer", Sources.ScrutinySingleCcg),
    ];

    public static IReadOnlyList<AppointmentFact> Appointments { get; } =
    [
        .. AccountableOfficers.SelectMany(officer => officer.Ccgs.Select(ccg =>
            new AppointmentFact(officer.PersonName, ccg, AccountableOfficerTitle, AppointmentKind.Substantive, null, Sources.StrategicCommissionerUpdate))),
        .. AccountableOfficers.Select(officer =>
            new AppointmentFact(officer.PersonName, StrategicCommissioner, officer.TransitionalRole, AppointmentKind.Transitional, TransitionalRolesBegin, Sources.StrategicCommissionerUpdate, DatePrecision.Month)),
        new("Glenn Douglas", StpProgrammeBoard, "STP Chief Executive", AppointmentKind.Substantive, null, Sources.ProgrammeBoardNews),
    ];

    public static IReadOnlyList<MembershipFact> Memberships { get; } =
    [
        .. AccountableOfficers.SelectMany(officer => officer.Ccgs.Select(ccg =>
            new MembershipFact(officer.PersonName, ccg, MemberRole.AccountableOfficer, MemberBackground.Officer, HasVote: true))),
        new("Glenn Douglas", StpProgrammeBoard, MemberRole.Chair, MemberBackground.Officer, HasVote: true),
    ];

    private static BodyFact Ccg(string name, SubSystem subSystem) =>
        new(name, BodyKind.ClinicalCommissioningGroup, subSystem,
            $"One of the eight Kent and Medway clinical commissioning groups ({subSystem.DisplayName()}), each with a governing body and GP member practices. Merged into the single Kent and Medway CCG on 1 April 2020.",
            To: EightCcgsClose);
}
