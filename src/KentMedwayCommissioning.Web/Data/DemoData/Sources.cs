namespace KentMedwayCommissioning.Web.Data.DemoData;

/// <summary>The public papers in shared/seeds that the demo data reproduces, cited on the records they support.</summary>
public static class Sources
{
    public const string StrategicCommissionerUpdate = "Kent and Medway Strategic Commissioner Update, February 2018";
    public const string JointLeadershipNews = "Knowledge Hub: Kent and Medway CCGs in joint leadership and possible merger talks (2018)";
    public const string ProgrammeBoardNews = "Kent and Medway STP Programme Board, meeting of 5 February 2018";
    public const string ScrutinyStrategicCommissioner = "Medway health scrutiny committee: Kent and Medway Strategic Commissioner Update (2018)";
    public const string ScrutinySingleCcg = "Medway health scrutiny committee: Development of Single Kent and Medway CCG (2020)";
    public const string Fictional = "Fictional demo data, not from the papers";
}
