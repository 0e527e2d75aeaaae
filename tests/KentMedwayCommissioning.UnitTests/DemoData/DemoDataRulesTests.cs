using KentMedwayCommissioning.Web.Data.DemoData;
using KentMedwayCommissioning.Web.Domain;

namespace KentMedwayCommissioning.UnitTests.DemoData;

public sealed class DemoDataRulesTests
{
    [Fact]
    public void Every_ccg_governing_body_is_quorate_under_the_default_rule_when_everyone_attends()
    {
        foreach (var ccg in FictionalMembers.Ccgs)
        {
            // The papers' seats (the eight CCGs' accountable officers; the single CCG's is not named) beside the invented ones.
            var papersSeats = PapersData.Memberships
                .Where(membership => membership.BodyName == ccg && membership.HasVote)
                .Select(membership => new QuorumSeat(membership.Background, IsPresent: true));
            var seats = FictionalMembers.For(ccg)
                .Where(member => member.Seat.HasVote)
                .Select(member => new QuorumSeat(member.Seat.Background, IsPresent: true))
                .Concat(papersSeats)
                .ToList();

            Assert.True(Quorum.Assess(GovernanceRule.Default, seats).IsQuorate, $"{ccg} is not quorate");
        }
    }

    [Fact]
    public void Fictional_names_never_repeat_and_never_match_a_person_in_the_papers()
    {
        var names = FictionalMembers.Ccgs.SelectMany(FictionalMembers.For).Select(member => member.Name)
            .Append(FictionalMembers.BoardSecretary)
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
