namespace KentMedwayCommissioning.Web.Domain;

public enum BodyKind
{
    ClinicalCommissioningGroup,
    JointCommittee,
    StrategicCommissioner,
    ProgrammeBoard,
    ScrutinyCommittee,
    Regulator,
}

public enum SubSystem
{
    EastKent,
    NorthKent,
    WestKent,
    Medway,
}

public static class BodyKindNames
{
    public static string Plural(this BodyKind kind) => kind switch
    {
        BodyKind.ClinicalCommissioningGroup => "Clinical commissioning groups",
        BodyKind.JointCommittee => "Joint committees",
        BodyKind.StrategicCommissioner => "Strategic commissioner",
        BodyKind.ProgrammeBoard => "Programme boards",
        BodyKind.ScrutinyCommittee => "Scrutiny committees",
        BodyKind.Regulator => "Regulators",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static string Singular(this BodyKind kind) => kind switch
    {
        BodyKind.ClinicalCommissioningGroup => "Clinical commissioning group",
        BodyKind.JointCommittee => "Joint committee",
        BodyKind.StrategicCommissioner => "Strategic commissioner",
        BodyKind.ProgrammeBoard => "Programme board",
        BodyKind.ScrutinyCommittee => "Scrutiny committee",
        BodyKind.Regulator => "Regulator",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static string DisplayName(this SubSystem subSystem) => subSystem switch
    {
        SubSystem.EastKent => "East Kent",
        SubSystem.NorthKent => "North Kent",
        SubSystem.WestKent => "West Kent",
        SubSystem.Medway => "Medway",
        _ => throw new ArgumentOutOfRangeException(nameof(subSystem), subSystem, null),
    };
}
