using KentMedwayCommissioning.Web.Domain;

namespace KentMedwayCommissioning.UnitTests.Domain;

public sealed class GovernanceRuleTests
{
    [Fact]
    public void The_default_is_the_rule_in_the_domain_paper()
    {
        var rule = GovernanceRule.Default;

        Assert.Equal(0.5m, rule.QuorumFraction);
        Assert.True(rule.RequiresLayMember);
        Assert.True(rule.RequiresClinicalMember);
        Assert.Equal(0.5m, rule.MajorityThreshold);
        Assert.True(rule.ChairHasCastingVote);
        Assert.False(rule.WithdrawnMembersCountTowardsQuorum);
    }

    [Fact]
    public void A_new_body_starts_with_the_default_rule() =>
        Assert.Equal(GovernanceRule.Default, new Body("West Kent CCG", BodyKind.ClinicalCommissioningGroup, SubSystem.WestKent).Rule);

    [Fact]
    public void Describes_itself_in_words()
    {
        var description = GovernanceRule.Default.Describe();

        Assert.Contains("50% of voting members present, at least one lay member, at least one clinical member", description);
        Assert.Contains("simple majority", description);
        Assert.Contains("casting vote", description);
    }
}
