using KentMedwayCommissioning.Web.Domain;
using KentMedwayCommissioning.Web.Domain.Meetings;
using KentMedwayCommissioning.Web.Domain.Programme;

namespace KentMedwayCommissioning.UnitTests.Domain;

public sealed class MilestoneTests
{
    private static readonly DateOnly Today = new(2018, 3, 1);
    private static readonly DateTimeOffset Now = new(2018, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private const int Margin = 30;

    private static Milestone Due(DateOnly baseline) => new(1, "Strategic commissioner in shadow form", "Programme director", new ReportedDate(baseline));

    [Fact]
    public void Re_forecasting_keeps_the_baseline_and_every_earlier_forecast_with_who_and_why()
    {
        var milestone = Due(new DateOnly(2018, 4, 1));

        milestone.Reforecast(new ReportedDate(new DateOnly(2018, 10, 1), "autumn 2018"), "Waiting for the steering group", "programme@kmc.example", Now);
        milestone.Reforecast(new ReportedDate(new DateOnly(2019, 7, 1), "summer 2019"), "Progress slowed for six to eight months", "programme@kmc.example", Now.AddMonths(4));

        Assert.Equal(new DateOnly(2018, 4, 1), milestone.Baseline.Date);
        Assert.Equal("summer 2019", milestone.Forecast.ToString());
        Assert.Equal(["1 April 2018", "autumn 2018"], milestone.ForecastChanges.Select(change => change.Previous.ToString()));
        Assert.Equal("Progress slowed for six to eight months", milestone.ForecastChanges[^1].Reason);
        Assert.Equal(456, milestone.SlippageDays);
    }

    [Fact]
    public void A_re_forecast_needs_a_reason() =>
        Assert.ThrowsAny<ArgumentException>(() => Due(new DateOnly(2018, 4, 1)).Reforecast(new ReportedDate(new DateOnly(2018, 5, 1)), " ", "x", Now));

    [Theory]
    [InlineData(2018, 6, 1, 0, Rag.OnTrack)]     // three months away, no slippage
    [InlineData(2018, 3, 31, 0, Rag.AtRisk)]     // due within the margin
    [InlineData(2018, 6, 1, 30, Rag.AtRisk)]     // slipped, but only by the margin
    [InlineData(2018, 6, 1, 31, Rag.Late)]       // slipped beyond the margin
    [InlineData(2018, 2, 28, 0, Rag.Overdue)]    // forecast date passed, not done
    [InlineData(2018, 1, 1, 31, Rag.Overdue)]    // slipped and then passed: overdue says more than late
    public void The_rag_status_is_derived_from_the_dates(int year, int month, int day, int slipDays, Rag expected)
    {
        var baseline = new DateOnly(year, month, day);
        var milestone = Due(baseline);
        if (slipDays > 0)
        {
            milestone.Reforecast(new ReportedDate(baseline.AddDays(slipDays)), "Slipped", "x", Now);
        }

        Assert.Equal(expected, milestone.RagOn(Today, Margin));
    }

    [Fact]
    public void An_overdue_milestone_counts_the_days_since_its_forecast_and_a_done_one_is_never_overdue()
    {
        var milestone = Due(new DateOnly(2018, 2, 19));

        Assert.Equal(10, milestone.DaysOverdueOn(Today));
        Assert.Null(milestone.DaysOverdueOn(new DateOnly(2018, 2, 19)));

        milestone.Complete(on: null);
        Assert.Null(milestone.DaysOverdueOn(Today));
    }

    [Fact]
    public void A_done_milestone_is_done_whatever_its_dates()
    {
        var milestone = Due(new DateOnly(2017, 1, 1));

        milestone.Complete(on: null);

        Assert.Equal(Rag.Done, milestone.RagOn(Today, Margin));
        Assert.Throws<GovernanceException>(() => milestone.Reforecast(new ReportedDate(new DateOnly(2019, 1, 1)), "Too late", "x", Now));
    }
}

public sealed class MergerTests
{
    private static Merger Approved()
    {
        var merger = new Merger("Single Kent and Medway CCG", formsBodyId: 1, approverBodyId: 2, liveOn: new DateOnly(2020, 4, 1), practiceBallotId: null, source: null);
        merger.Approve(on: null);
        merger.AddCondition("Appoint an Accountable Officer", "Programme director", null);
        merger.AddCondition("Appoint a Chief Financial Officer", "Programme director", null);
        return merger;
    }

    [Fact]
    public void Approval_is_conditional_while_any_condition_is_unmet()
    {
        var merger = Approved();

        merger.Conditions[0].MarkMet(new DateOnly(2019, 12, 1), "Appointment letter");

        Assert.Equal(new ApprovalStanding(ApprovalState.Conditional, null), merger.Standing());
    }

    [Fact]
    public void Approval_turns_unconditional_on_the_day_the_last_condition_is_met()
    {
        var merger = Approved();

        merger.Conditions[1].MarkMet(new DateOnly(2020, 2, 1), "Board minute");
        merger.Conditions[0].MarkMet(new DateOnly(2019, 12, 1), "Appointment letter");

        Assert.Equal(new ApprovalStanding(ApprovalState.Unconditional, new DateOnly(2020, 2, 1)), merger.Standing());
    }

    [Fact]
    public void A_condition_is_met_with_evidence_and_only_once()
    {
        var condition = Approved().Conditions[0];

        Assert.ThrowsAny<ArgumentException>(() => condition.MarkMet(new DateOnly(2019, 12, 1), ""));
        condition.MarkMet(new DateOnly(2019, 12, 1), "Appointment letter");
        Assert.Throws<GovernanceException>(() => condition.MarkMet(new DateOnly(2019, 12, 2), "Again"));
    }

    [Fact]
    public void An_approval_is_recorded_once()
    {
        var merger = new Merger("M", 1, 2, null, null, null);
        merger.Approve(new DateOnly(2020, 1, 10));

        Assert.Throws<GovernanceException>(() => merger.Approve(new DateOnly(2020, 1, 11)));
        Assert.Equal(new DateOnly(2020, 1, 10), merger.ApprovedOn);
    }

    [Fact]
    public void Without_approval_there_is_no_standing_to_speak_of() =>
        Assert.Equal(ApprovalState.NotApproved, new Merger("M", 1, 2, null, null, null).Standing().State);
}

public sealed class ContractTests
{
    private static readonly DateOnly Start = new(2018, 4, 1);

    [Theory]
    [InlineData(650_000, false)]
    [InlineData(650_000.01, true)]
    [InlineData(1_200_000, true)]
    public void Only_services_worth_more_than_650000_pounds_must_be_recommissioned(double value, bool expected) =>
        Assert.Equal(expected, new Contract(1, "Community services", "Provider", (decimal)value, Start).MustBeRecommissioned);

    [Fact]
    public void Recommissioning_falls_due_five_years_after_the_start() =>
        Assert.Equal(new DateOnly(2023, 4, 1), new Contract(1, "Community services", "Provider", 700_000m, Start).RecommissioningDue);

    [Fact]
    public void A_contract_below_the_threshold_has_no_due_date() =>
        Assert.Null(new Contract(1, "Community services", "Provider", 10_000m, Start).RecommissioningDue);

    [Theory]
    [InlineData(2022, 4, 1, true)]
    [InlineData(2022, 3, 31, false)]
    [InlineData(2024, 1, 1, true)]
    public void Shows_as_due_within_a_year_or_overdue(int year, int month, int day, bool expected) =>
        Assert.Equal(expected, new Contract(1, "Community services", "Provider", 700_000m, Start).IsDueWithinAYearOf(new DateOnly(year, month, day)));
}

public sealed class MilestoneDependenciesTests
{
    // 3 waits on 2, which waits on 1.
    private static readonly Dictionary<int, IReadOnlyList<int>> Chain = new() { [1] = [], [2] = [1], [3] = [2] };

    [Fact]
    public void Waiting_on_a_milestone_that_waits_on_it_through_others_is_a_cycle()
    {
        Assert.True(MilestoneDependencies.WouldCycle(1, [3], Chain));
        Assert.True(MilestoneDependencies.WouldCycle(1, [2], Chain));
        Assert.True(MilestoneDependencies.WouldCycle(2, [2], Chain));
    }

    [Fact]
    public void Waiting_on_milestones_further_back_or_unrelated_is_not_a_cycle()
    {
        Assert.False(MilestoneDependencies.WouldCycle(3, [1, 2], Chain));
        Assert.False(MilestoneDependencies.WouldCycle(4, [3], Chain));
        Assert.False(MilestoneDependencies.WouldCycle(1, [], Chain));
    }

    [Fact]
    public void Reassigning_replaces_the_owner_and_dependencies_and_keeps_the_change()
    {
        var milestone = new Milestone(1, "Single CCG live", "Programme director", new ReportedDate(new DateOnly(2020, 4, 1)));
        milestone.DependOn(7);

        var change = milestone.Reassign("Accountable Officer", [8], "Owner from Programme director to Accountable Officer", new DateOnly(2019, 6, 1), "The AO now leads", "Programme office", DateTimeOffset.UnixEpoch);

        Assert.Equal("Accountable Officer", milestone.Owner);
        Assert.Equal([8], milestone.Dependencies.Select(dependency => dependency.DependsOnId));
        Assert.Equal((new DateOnly(2019, 6, 1), "The AO now leads"), (change.EffectiveOn, change.Reason));
        Assert.Same(change, Assert.Single(milestone.Changes));
        Assert.Throws<GovernanceException>(() => milestone.Reassign("Accountable Officer", [8], "Nothing", new DateOnly(2019, 7, 1), "Again", "Programme office", DateTimeOffset.UnixEpoch));
    }
}

public sealed class ConsultationTests
{
    private static Consultation Review(params string[] options) =>
        new("Urgent care review", new DateOnly(2031, 2, 1), new DateOnly(2031, 4, 30), "Where urgent care should be", 1, new ReportedDate(new DateOnly(2031, 6, 1)), null, null, options);

    [Fact]
    public void An_option_listed_twice_ignoring_case_and_spaces_is_refused()
    {
        var refusal = Assert.Throws<GovernanceException>(() => Review("Two centres", "One centre", " two centres"));

        Assert.StartsWith("Two centres is listed twice", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(["Two centres", "One centre"], Review("Two centres", " One centre ", "").Options);
    }

    [Fact]
    public void The_decision_that_settled_it_is_recorded_once()
    {
        var consultation = Review("One centre");

        consultation.LinkDecision(7);

        Assert.Equal(7, consultation.ProposalId);
        Assert.Throws<GovernanceException>(() => consultation.LinkDecision(8));
    }
}
