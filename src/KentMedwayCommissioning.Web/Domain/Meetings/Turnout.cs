using System.Globalization;

namespace KentMedwayCommissioning.Web.Domain.Meetings;

/// <summary>
/// How many of the members who may vote on an item have voted. Closing a vote that fewer than half of them have
/// voted on is allowed, but only once the secretary confirms it: members without a device may not have been asked.
/// </summary>
/// <param name="Eligible">Voting members present who have not withdrawn.</param>
/// <param name="Voted">Those of them whose vote is recorded.</param>
public sealed record Turnout(int Eligible, int Voted)
{
    public int NotVoted => Math.Max(0, Eligible - Voted);

    public bool NeedsConfirmationToClose => Voted * 2 < Eligible;

    public string Describe() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Voted} of {Eligible} eligible {(Eligible == 1 ? "member has" : "members have")} voted; {NotVoted} {(NotVoted == 1 ? "has" : "have")} not voted");
}
