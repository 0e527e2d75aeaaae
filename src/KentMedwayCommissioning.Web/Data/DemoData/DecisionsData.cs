using KentMedwayCommissioning.Web.Domain.Meetings;

namespace KentMedwayCommissioning.Web.Data.DemoData;

/// <summary>The decisions the papers record, and the demo meetings that let a newcomer try voting.</summary>
public static class DecisionsData
{
    public const string StrategicCommissionerProposal = "Establish a strategic commissioner and share a single senior management team with one accountable officer";

    public const string StrokeProposal = "Stroke review: three hyper acute stroke units and where they should be";

    public const string GoverningBodyDecisionTitle = "Governing body meeting";

    public sealed record HistoricOutcome(string CcgName, Outcome Outcome, string Explanation);

    /// <summary>Six agreed; South Kent Coast deferred; Thanet declined (Strategic Commissioner Update, February 2018).</summary>
    public static IReadOnlyList<HistoricOutcome> StrategicCommissionerOutcomes { get; } =
    [
        Agreed(PapersData.Ashford),
        Agreed(PapersData.CanterburyAndCoastal),
        new(PapersData.SouthKentCoast, Outcome.Deferred,
            "Deferred: South Kent Coast CCG's GP membership met on 22 February 2018 and, before taking a decision, asked for more detail on the proposal and on the balance between working at scale and keeping local autonomy. A further meeting was to be arranged."),
        new(PapersData.Thanet, Outcome.Declined,
            "Declined: Thanet CCG is not pursuing a path to be part of the formal arrangements, but will keep working with the other CCGs on the strategic commissioner and on strategic service improvement plans."),
        Agreed(PapersData.DartfordGraveshamSwanley),
        Agreed(PapersData.Swale),
        Agreed(PapersData.MedwayCcg),
        Agreed(PapersData.WestKent),
    ];

    /// <param name="OrderedAt">The start of the period the papers give, which <paramref name="Precision"/> bounds.</param>
    public sealed record ScrutinyNoting(string MeetingTitle, string DateAsReported, DateTimeOffset OrderedAt, MeetingDatePrecision Precision, string ItemTitle, string Minute, string Source);

    public static IReadOnlyList<ScrutinyNoting> ScrutinyNotings { get; } =
    [
        new("Committee meeting: Kent and Medway Strategic Commissioner Update",
            "2018, after the committee's June 2018 meeting (the papers do not give the date)",
            new DateTimeOffset(2018, 7, 1, 0, 0, 0, TimeSpan.Zero),
            MeetingDatePrecision.Year,
            "Kent and Medway Strategic Commissioner Update",
            "The Committee noted the report.",
            Sources.ScrutinyStrategicCommissioner),
        new("Committee meeting: Development of Single Kent and Medway CCG",
            "Early 2020, before the single CCG went live on 1 April (the papers do not give the date)",
            new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero),
            MeetingDatePrecision.Year,
            "Development of Single Kent and Medway Clinical Commissioning Group",
            "The Committee noted and commented on the report and looked forward to working with and holding the single CCG to account in the future, whilst expressing reservations about the development of a single CCG.",
            Sources.ScrutinySingleCcg),
    ];

    public const string MergerBallot = "Should the eight Kent and Medway CCGs merge into a single Kent and Medway CCG?";

    public const string MergerBallotFinding =
        "GP support for the proposals averaged 75% across the eight CCG areas, and support within each CCG area was relatively high. The reasons GPs voted against were not available; in general there had been concerns about loss of localism and of connection with primary care commissioning.";

    public const string DemoPreviousMeeting = "Previous governing body meeting (demo)";
    public const string DemoPreviousItem = "Chief executive's report (demo)";
    public const string DemoMeetingInProgress = "Governing body meeting in public (demo)";
    public const string DemoOpenItem = "Engagement plan for patients and the public (demo)";
    public const string DemoPlannedMeeting = "Extraordinary governing body meeting (demo)";
    public const string DemoPlannedItem = "Community services procurement (demo)";

    private static HistoricOutcome Agreed(string ccg) =>
        new(ccg, Outcome.Carried, "Agreed. The papers record the decision but not the votes cast.");
}
