using KentMedwayCommissioning.Web.Data.DemoData;
using KentMedwayCommissioning.Web.Domain;

namespace KentMedwayCommissioning.UnitTests.DemoData;

public sealed class DemoDataRulesTests
{
    [Fact]
    public void Every_ccg_governing_body_is_quorate_under_the_default_rule_when_everyone_attends()
    {
        foreach (var ccg in PapersData.EightCcgs)
        {
            var seats = FictionalMembers.For(ccg)
                .Where(member => member.Seat.HasVote)
                .Select(member => new QuorumSeat(member.Seat.Background, IsPresent: true))
                .Append(new QuorumSeat(MemberBackground.Officer, IsPresent: true)) // the accountable officer
                .ToList();

            Assert.True(Quorum.Assess(GovernanceRule.Default, seats).IsQuorate, $"{ccg} is not quorate");
        }
    }

    [Fact]
    public void Fictional_names_never_repeat_and_never_match_a_person_in_the_papers()
    {
        var names = PapersData.EightCcgs.SelectMany(FictionalMembers.For).Select(member => member.Name)
            .Append(FictionalMembers.WestKentBoardSecretary)
            .ToList();

        Assert.Equal(names.Count, names.Distinct().Count());
        Assert.Empty(names.Intersect(PapersData.People));
    }

    [Fact]
    public void Every_body_has_a_distinct_slug() =>
        Assert.Equal(PapersData.Bodies.Count, PapersData.Bodies.Select(body => Slug.From(body.Name)).Distinct().Count());

    [Fact]
    public void Demo_passwords_meet_the_twelve_character_minimum() =>
        Assert.True(DemoAccounts.Password.Length >= 12);
}
