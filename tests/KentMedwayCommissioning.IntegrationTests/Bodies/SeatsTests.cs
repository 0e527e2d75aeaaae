using System.Globalization;
using System.Net;
using KentMedwayCommissioning.TestSupport;
using KentMedwayCommissioning.Web.Data.DemoData;
using KentMedwayCommissioning.Web.Domain;
using KentMedwayCommissioning.Web.Domain.Meetings;
using KentMedwayCommissioning.Web.Pages.Meetings;
using Microsoft.EntityFrameworkCore;

namespace KentMedwayCommissioning.IntegrationTests.Bodies;

[Collection(nameof(SharedApp))]
public sealed class SeatsTests(TestApp app) : IAsyncLifetime
{
    /// <summary>The demo secretary's body, the single CCG, from 1 April 2020.</summary>
    private const string Body = "kent-and-medway-ccg";
    private const string SeatsPage = $"/bodies/{Body}/seats";
    private const int EndForm = 1;

    /// <summary>A day in the single CCG's life, before today.</summary>
    private static readonly DateOnly InItsLife = new(2021, 6, 1);
    private readonly Browsing _browser = new(app);

    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_seat_added_after_a_meeting_leaves_that_meeting_s_quorum_unchanged()
    {
        var closed = await LastClosedMeetingAsync();
        var before = await RollAsync(closed.Id);
        var newcomer = await PersonWithoutSeatAsync();
        await _browser.SignInAsync(DemoAccounts.BoardSecretary.Email, DemoAccounts.Password);

        var from = UkCalendar.DayOf(closed.StartsAt).AddDays(1);
        var response = await _browser.SubmitAsync(SeatsPage, Fields(newcomer, MemberRole.LayMember, hasVote: true, from));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True(await app.QueryDbAsync(db => db.Memberships.AnyAsync(membership => membership.Person.Slug == newcomer && membership.Body.Slug == Body && membership.From == from && membership.HasVote)));
        var after = await RollAsync(closed.Id);
        Assert.Equal(before.VotingMembers.Select(member => member.PersonId), after.VotingMembers.Select(member => member.PersonId));
        Assert.Equal((before.MeetingQuorum().VotingMembers, before.MeetingQuorum().Needed), (after.MeetingQuorum().VotingMembers, after.MeetingQuorum().Needed));
        var page = await _browser.GetPageAsync(SeatsPage);
        Assert.Contains("The seat has been added.", page.MainText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_seat_overlapping_the_person_s_seat_on_the_body_is_refused_next_to_its_start()
    {
        var held = await app.QueryDbAsync(db => db.Memberships.Where(membership => membership.Body.Slug == Body && membership.Role == MemberRole.LayMember)
            .Select(membership => new { membership.Person.Slug, membership.From }).FirstAsync());
        await _browser.SignInAsync(DemoAccounts.BoardSecretary.Email, DemoAccounts.Password);

        await AssertRefusedAsync(Fields(held.Slug, MemberRole.GpMember, hasVote: true, held.From ?? InItsLife), "input-from", "This person already holds a seat on this body (Lay member");
    }

    [Fact]
    public async Task A_chair_without_a_vote_is_refused_where_the_chair_has_the_casting_vote()
    {
        var newcomer = await PersonWithoutSeatAsync();
        await _browser.SignInAsync(DemoAccounts.Administrator.Email, DemoAccounts.Password);

        await AssertRefusedAsync(Fields(newcomer, MemberRole.Chair, hasVote: false, InItsLife), "input-hasvote", "This body's chair has a casting vote, so the chair needs a vote");
    }

    [Fact]
    public async Task Dates_out_of_order_are_refused_next_to_the_end()
    {
        var newcomer = await PersonWithoutSeatAsync();
        await _browser.SignInAsync(DemoAccounts.BoardSecretary.Email, DemoAccounts.Password);
        var fields = Fields(newcomer, MemberRole.LayMember, hasVote: true, InItsLife);
        fields["Input.To"] = "2021-05-31";

        await AssertRefusedAsync(fields, "input-to", "The seat must end on or after the day it starts");
    }

    [Fact]
    public async Task A_seat_starting_after_the_body_s_last_day_is_refused_next_to_its_start()
    {
        var newcomer = await PersonWithoutSeatAsync();
        // West Kent CCG ended on 31 March 2020; an administrator may change any body's seats.
        await _browser.SignInAsync(DemoAccounts.Administrator.Email, DemoAccounts.Password);

        await AssertRefusedAsync(Fields(newcomer, MemberRole.LayMember, hasVote: true, new DateOnly(2020, 4, 1)), "input-from", "West Kent CCG ended on 31 March 2020, so nothing can start on or after 1 April 2020",
            seatsPage: "/bodies/west-kent-ccg/seats");
    }

    [Fact]
    public async Task A_secretary_may_not_change_another_body_s_seats()
    {
        await _browser.SignInAsync(DemoAccounts.BoardSecretary.Email, DemoAccounts.Password);

        var response = await _browser.Client.GetAsync("/bodies/medway-ccg/seats");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/access-denied", response.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_seat_ended_today_leaves_a_past_meeting_s_quorum_unchanged_and_keeps_the_reason()
    {
        var today = UkCalendar.Today(TimeProvider.System);
        var closed = await LastClosedMeetingAsync();
        var before = await RollAsync(closed.Id);
        var closedDay = UkCalendar.DayOf(closed.StartsAt);
        var seat = await app.QueryDbAsync(db => db.Memberships
            .Where(membership => membership.Body.Slug == Body && membership.HasVote && membership.To == null && (membership.From == null || membership.From <= closedDay))
            .Select(membership => new { membership.Id, membership.PersonId }).FirstAsync());
        Assert.Contains(seat.PersonId, before.VotingMembers.Select(member => member.PersonId));
        await _browser.SignInAsync(DemoAccounts.BoardSecretary.Email, DemoAccounts.Password);

        var response = await _browser.SubmitAsync(SeatsPage, EndFields(seat.Id, today, "Resigned to chair a neighbouring trust"), formIndex: EndForm);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(today, await app.QueryDbAsync(db => db.Memberships.Where(membership => membership.Id == seat.Id).Select(membership => membership.To).SingleAsync()));
        var change = await app.QueryDbAsync(db => db.SeatChanges.Where(entry => entry.MembershipId == seat.Id).Select(entry => new { entry.EffectiveOn, entry.Reason }).SingleAsync());
        Assert.Equal((today, "Resigned to chair a neighbouring trust"), (change.EffectiveOn, change.Reason));
        var after = await RollAsync(closed.Id);
        Assert.Equal(before.VotingMembers.Select(member => member.PersonId), after.VotingMembers.Select(member => member.PersonId));
        Assert.Equal((before.MeetingQuorum().VotingMembers, before.MeetingQuorum().Needed), (after.MeetingQuorum().VotingMembers, after.MeetingQuorum().Needed));
        var page = await _browser.GetPageAsync(SeatsPage);
        Assert.Contains("The seat's last day has been recorded.", page.MainText(), StringComparison.Ordinal);
        Assert.Contains("Resigned to chair a neighbouring trust", page.MainText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ending_a_seat_before_today_is_refused_next_to_the_last_day_and_changes_nothing()
    {
        var seatId = await CurrentSeatAsync();
        await _browser.SignInAsync(DemoAccounts.BoardSecretary.Email, DemoAccounts.Password);

        await AssertRefusedAsync(EndFields(seatId, UkCalendar.Today(TimeProvider.System).AddDays(-1), "Resigned last week"), "ending-endson", "The last day cannot be before today", formIndex: EndForm);

        Assert.Null(await app.QueryDbAsync(db => db.Memberships.Where(membership => membership.Id == seatId).Select(membership => membership.To).SingleAsync()));
    }

    [Fact]
    public async Task Ending_a_seat_without_a_reason_is_refused_next_to_the_reason()
    {
        var seatId = await CurrentSeatAsync();
        await _browser.SignInAsync(DemoAccounts.BoardSecretary.Email, DemoAccounts.Password);

        await AssertRefusedAsync(EndFields(seatId, UkCalendar.Today(TimeProvider.System), ""), "ending-reason", "Say why the seat ends", formIndex: EndForm);
    }

    [Fact]
    public async Task Ending_the_voting_seat_of_a_chair_whose_seat_has_no_vote_is_refused_while_the_chair_has_the_casting_vote()
    {
        var newcomer = await PersonWithoutSeatAsync();
        var votingSeatId = await app.QueryDbAsync(async db =>
        {
            var body = await db.Bodies.SingleAsync(candidate => candidate.Slug == Body);
            var person = await db.People.SingleAsync(candidate => candidate.Slug == newcomer);
            var votingSeat = new Membership(body, person, MemberRole.GpMember, MemberBackground.Clinical, hasVote: true, InItsLife);
            db.Memberships.AddRange(votingSeat, new Membership(body, person, MemberRole.Chair, MemberBackground.Clinical, hasVote: false, InItsLife));
            await db.SaveChangesAsync();
            return votingSeat.Id;
        });
        await _browser.SignInAsync(DemoAccounts.BoardSecretary.Email, DemoAccounts.Password);

        await AssertRefusedAsync(EndFields(votingSeatId, UkCalendar.Today(TimeProvider.System), "Stood down as GP member"), "ending-seatid", "This person chairs the body", formIndex: EndForm);

        Assert.Null(await app.QueryDbAsync(db => db.Memberships.Where(membership => membership.Id == votingSeatId).Select(membership => membership.To).SingleAsync()));
    }

    [Fact]
    public async Task A_secretary_cannot_end_another_body_s_seat_through_their_own_body()
    {
        var medwaySeat = await app.QueryDbAsync(db => db.Memberships.Where(membership => membership.Body.Slug == "medway-ccg" && membership.To == null)
            .Select(membership => membership.Id).FirstAsync());
        await _browser.SignInAsync(DemoAccounts.BoardSecretary.Email, DemoAccounts.Password);

        await AssertRefusedAsync(EndFields(medwaySeat, UkCalendar.Today(TimeProvider.System), "Not mine to end"), "ending-seatid", "Choose a seat on this body from the list", formIndex: EndForm);

        Assert.Null(await app.QueryDbAsync(db => db.Memberships.Where(membership => membership.Id == medwaySeat).Select(membership => membership.To).SingleAsync()));
    }

    [Fact]
    public async Task A_vice_chair_s_seat_in_the_other_category_sits_beside_the_person_s_voting_seat()
    {
        var member = await app.QueryDbAsync(db => db.Memberships.Where(membership => membership.Body.Slug == Body && membership.HasVote && membership.Role != MemberRole.Chair && membership.To == null)
            .OrderBy(membership => membership.Id).Select(membership => membership.Person.Slug).FirstAsync());
        await _browser.SignInAsync(DemoAccounts.BoardSecretary.Email, DemoAccounts.Password);
        var fields = Fields(member, MemberRole.ViceChair, hasVote: false, InItsLife);
        fields["Input.Background"] = nameof(MemberBackground.Other);

        var response = await _browser.SubmitAsync(SeatsPage, fields);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True(await app.QueryDbAsync(db => db.Memberships.AnyAsync(membership => membership.Person.Slug == member && membership.Body.Slug == Body && membership.Role == MemberRole.ViceChair && membership.Background == MemberBackground.Other)));
        var page = await _browser.GetPageAsync(SeatsPage);
        Assert.Contains("Vice-chair", page.MainText(), StringComparison.Ordinal);
    }

    /// <summary>The body's latest closed meeting (the demo's previous meeting, four weeks ago), whose roll is recorded.</summary>
    private Task<ClosedMeeting> LastClosedMeetingAsync() =>
        app.QueryDbAsync(db => db.Meetings.Where(meeting => meeting.Body!.Slug == Body && meeting.Status == MeetingStatus.Closed)
            .OrderByDescending(meeting => meeting.StartsAt).Select(meeting => new ClosedMeeting(meeting.Id, meeting.StartsAt)).FirstAsync());

    private sealed record ClosedMeeting(int Id, DateTimeOffset StartsAt);

    private Task<int> CurrentSeatAsync() =>
        app.QueryDbAsync(db => db.Memberships.Where(membership => membership.Body.Slug == Body && membership.To == null).OrderBy(membership => membership.Id).Select(membership => membership.Id).FirstAsync());

    private static Dictionary<string, string> EndFields(int seatId, DateOnly lastDay, string reason) => new()
    {
        ["Ending.SeatId"] = seatId.ToString(CultureInfo.InvariantCulture),
        ["Ending.EndsOn"] = lastDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["Ending.Reason"] = reason,
    };

    private async Task AssertRefusedAsync(Dictionary<string, string> fields, string fieldId, string messageStart, int formIndex = 0, string seatsPage = SeatsPage)
    {
        var seatsBefore = await app.QueryDbAsync(db => db.Memberships.CountAsync());
        var changesBefore = await app.QueryDbAsync(db => db.SeatChanges.CountAsync());

        var response = await _browser.SubmitAsync(seatsPage, fields, formIndex);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Browsing.ParseAsync(response);
        Assert.StartsWith(messageStart, page.QuerySelector($"#{fieldId}-error")!.TextContent.Replace("Error:", "", StringComparison.Ordinal).Trim(), StringComparison.Ordinal);
        Assert.StartsWith("Error: ", page.Title, StringComparison.Ordinal);
        Assert.Equal(seatsBefore, await app.QueryDbAsync(db => db.Memberships.CountAsync()));
        Assert.Equal(changesBefore, await app.QueryDbAsync(db => db.SeatChanges.CountAsync()));
    }

    private Task<string> PersonWithoutSeatAsync() =>
        app.QueryDbAsync(db => db.People.Where(person => !db.Memberships.Any(membership => membership.PersonId == person.Id && membership.Body.Slug == Body))
            .OrderBy(person => person.Slug).Select(person => person.Slug).FirstAsync());

    private Task<MeetingRoll> RollAsync(int meetingId) =>
        app.QueryDbAsync(async db => (await MeetingRoll.LoadAsync(db, meetingId, CancellationToken.None))!);

    private static Dictionary<string, string> Fields(string personSlug, MemberRole role, bool hasVote, DateOnly from) => new()
    {
        ["Input.PersonSlug"] = personSlug,
        ["Input.Role"] = role.ToString(),
        ["Input.Background"] = role == MemberRole.GpMember ? nameof(MemberBackground.Clinical) : nameof(MemberBackground.Lay),
        ["Input.HasVote"] = hasVote ? "true" : "false",
        ["Input.From"] = from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };
}
