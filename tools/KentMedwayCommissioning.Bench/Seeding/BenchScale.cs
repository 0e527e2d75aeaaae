namespace KentMedwayCommissioning.Bench.Seeding;

/// <summary>
/// How big a seeded register is. Bodies and members stay the same at every size, so the scaling figure compares
/// registers that differ only in how many decisions they hold.
/// </summary>
public sealed record BenchScale(int Decisions, int Bodies, int MembersPerBody, int ItemsPerMeeting, int MinVotesPerItem, int MaxVotesPerItem, int Voters)
{
    /// <summary>England at national scale: 200 bodies, 5,000 members, a meeting per 5 decisions, about 10 named votes each.</summary>
    public static BenchScale National(int decisions) => new(decisions, Bodies: 200, MembersPerBody: 25, ItemsPerMeeting: 5, MinVotesPerItem: 8, MaxVotesPerItem: 14, Voters: 100);

    /// <summary>A few bodies and decisions, for the tests.</summary>
    public static BenchScale Tiny(int decisions) => new(decisions, Bodies: 3, MembersPerBody: 12, ItemsPerMeeting: 5, MinVotesPerItem: 4, MaxVotesPerItem: 10, Voters: 10);

    public int Members => Bodies * MembersPerBody;

    public int Meetings => (Decisions + ItemsPerMeeting - 1) / ItemsPerMeeting;
}
