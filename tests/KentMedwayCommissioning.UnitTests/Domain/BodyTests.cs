using KentMedwayCommissioning.Web.Domain;

namespace KentMedwayCommissioning.UnitTests.Domain;

public sealed class BodyTests
{
    [Fact]
    public void Only_a_joint_committee_has_member_bodies()
    {
        var ccg = new Body("Swale CCG", BodyKind.ClinicalCommissioningGroup, SubSystem.NorthKent);
        var other = new Body("Thanet CCG", BodyKind.ClinicalCommissioningGroup, SubSystem.EastKent);

        Assert.Throws<InvalidOperationException>(() => ccg.AddMemberBody(other));
    }

    [Fact]
    public void Adding_the_same_member_body_twice_keeps_one_seat()
    {
        var committee = new Body("Joint Committee of Clinical Commissioning Groups", BodyKind.JointCommittee);
        var ccg = new Body("Swale CCG", BodyKind.ClinicalCommissioningGroup, SubSystem.NorthKent);

        committee.AddMemberBody(ccg);
        committee.AddMemberBody(ccg);

        Assert.Single(committee.MemberBodies);
    }

    [Fact]
    public void A_member_body_cannot_join_over_a_period_it_is_already_a_member()
    {
        var committee = new Body("Joint Committee of Clinical Commissioning Groups", BodyKind.JointCommittee);
        var ccg = new Body("Swale CCG", BodyKind.ClinicalCommissioningGroup, SubSystem.NorthKent);
        committee.AddMemberBody(ccg, new DateOnly(2019, 4, 1));

        Assert.StartsWith("Swale CCG is already a member (from 1 April 2019)", committee.WhyNotMemberFrom(ccg, new DateOnly(2019, 1, 1)), StringComparison.Ordinal);
        committee.MemberBodies.Single().End(new DateOnly(2020, 3, 31));
        Assert.Null(committee.WhyNotMemberFrom(ccg, new DateOnly(2020, 4, 1)));
        Assert.StartsWith("Swale CCG is already a member (1 April 2019 to 31 March 2020)", committee.WhyNotMemberFrom(ccg, new DateOnly(2020, 3, 31)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_body_that_has_ended_cannot_join_after_its_last_day()
    {
        var committee = new Body("Joint Committee of Clinical Commissioning Groups", BodyKind.JointCommittee);
        var ccg = new Body("Swale CCG", BodyKind.ClinicalCommissioningGroup, SubSystem.NorthKent);
        ccg.Describe(null, null, new DateOnly(2020, 3, 31));

        Assert.Equal("Swale CCG ended on 31 March 2020, before that day", committee.WhyNotMemberFrom(ccg, new DateOnly(2020, 4, 1)));
        Assert.Null(committee.WhyNotMemberFrom(ccg, new DateOnly(2020, 3, 31)));
    }

    [Fact]
    public void Cannot_end_before_it_begins()
    {
        var body = new Body("Kent and Medway CCG", BodyKind.ClinicalCommissioningGroup);

        Assert.Throws<ArgumentException>(() => body.Describe(null, new DateOnly(2020, 4, 1), new DateOnly(2020, 3, 31)));
    }

    [Fact]
    public void An_officer_in_attendance_cannot_be_given_a_vote()
    {
        var body = new Body("Swale CCG", BodyKind.ClinicalCommissioningGroup, SubSystem.NorthKent);
        var person = new Person("Alder Ashdown", isFictional: true);

        Assert.Throws<ArgumentException>(() => new Membership(body, person, MemberRole.OfficerInAttendance, MemberBackground.Officer, hasVote: true, from: null));
    }

    [Fact]
    public void An_appointment_is_held_between_its_dates()
    {
        var post = new Post(new Body("Kent and Medway Strategic Commissioner", BodyKind.StrategicCommissioner), "East Kent Managing Director");
        var appointment = post.Appoint(new Person("Caroline Selkirk"), AppointmentKind.Transitional, new DateOnly(2018, 2, 1), new DateOnly(2019, 3, 31));

        Assert.False(appointment.IsHeldOn(new DateOnly(2018, 1, 31)));
        Assert.True(appointment.IsHeldOn(new DateOnly(2018, 2, 1)));
        Assert.True(appointment.IsHeldOn(new DateOnly(2019, 3, 31)));
        Assert.False(appointment.IsHeldOn(new DateOnly(2019, 4, 1)));
    }

    [Fact]
    public void A_change_says_what_changed_and_keeps_the_address()
    {
        var body = new Body("West Kent CCG", BodyKind.ClinicalCommissioningGroup, SubSystem.WestKent);
        body.Describe("Commissions care for West Kent", new DateOnly(2013, 4, 1), null);

        var changes = body.Change("NHS West Kent CCG", BodyKind.ClinicalCommissioningGroup, SubSystem.WestKent, "Commissions care for West Kent", new DateOnly(2013, 4, 1));

        Assert.Equal(["Name: West Kent CCG to NHS West Kent CCG"], changes);
        Assert.Equal("west-kent-ccg", body.Slug);
        Assert.Empty(body.Change("NHS West Kent CCG", BodyKind.ClinicalCommissioningGroup, SubSystem.WestKent, " Commissions care for West Kent ", new DateOnly(2013, 4, 1)));
    }

    [Fact]
    public void An_ended_body_is_closed_from_the_day_after_its_last_day()
    {
        var body = new Body("Swale CCG", BodyKind.ClinicalCommissioningGroup, SubSystem.NorthKent);
        body.End(new DateOnly(2020, 3, 31));

        Assert.Null(body.WhyClosedOn(new DateOnly(2020, 3, 31)));
        Assert.Equal("Swale CCG ended on 31 March 2020, so nothing can start on or after 1 April 2020", body.WhyClosedOn(new DateOnly(2020, 4, 1)));
    }

    [Fact]
    public void A_body_cannot_end_before_it_began_before_its_last_meeting_or_twice()
    {
        var body = new Body("Swale CCG", BodyKind.ClinicalCommissioningGroup, SubSystem.NorthKent);
        body.Describe(null, new DateOnly(2013, 4, 1), null);

        Assert.Contains("before Swale CCG began (1 April 2013)", body.WhyNotEnd(new DateOnly(2013, 3, 31), null), StringComparison.Ordinal);
        Assert.Contains("has a meeting on 26 March 2020", body.WhyNotEnd(new DateOnly(2020, 3, 25), new DateOnly(2020, 3, 26)), StringComparison.Ordinal);
        Assert.Null(body.WhyNotEnd(new DateOnly(2020, 3, 31), new DateOnly(2020, 3, 26)));
        body.End(new DateOnly(2020, 3, 31));
        Assert.Contains("has already ended", body.WhyNotEnd(new DateOnly(2020, 6, 30), null), StringComparison.Ordinal);
    }
}
