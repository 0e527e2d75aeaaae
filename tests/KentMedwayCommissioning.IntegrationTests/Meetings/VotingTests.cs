using KentMedwayCommissioning.TestSupport;
using KentMedwayCommissioning.Web.Domain;
using KentMedwayCommissioning.Web.Domain.Meetings;
using KentMedwayCommissioning.Web.Infrastructure;
using KentMedwayCommissioning.Web.Pages.Meetings;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace KentMedwayCommissioning.IntegrationTests.Meetings;

[Collection(nameof(SharedApp))]
public sealed class VotingTests(TestApp app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_paper_pasted_without_a_title_takes_the_item_s_title()
    {
        var board = await VotingBoard.CreateAsync(app, voters: 3, openVote: false);

        var number = await app.SendAsAsync(TestApp.Secretary(board.BodyId), new RunMeeting.AddItem(
            board.MeetingId, "Community diagnostics hub", AgendaItemKind.ForNoting, MeetingPart.Public, null, PaperTitle: " ", PaperUrl: null, PaperText: "The hub opens in the spring."));

        var paper = await app.QueryDbAsync(db => db.AgendaItems.Where(item => item.MeetingId == board.MeetingId && item.Number == number).SelectMany(item => item.Papers).SingleAsync());
        Assert.Equal("Community diagnostics hub", paper.Title);
        Assert.Equal("The hub opens in the spring.", paper.Text);
    }

    [Fact]
    public async Task A_member_votes_and_changes_their_vote_leaving_one_vote_and_both_events()
    {
        var board = await VotingBoard.CreateAsync(app, voters: 3);
        var member = TestApp.Member(board.Voters[1]);

        var first = await app.SendAsAsync(member, new CastVote.Command(board.MeetingId, board.ItemNumber, VoteChoice.For));
        var second = await app.SendAsAsync(member, new CastVote.Command(board.MeetingId, board.ItemNumber, VoteChoice.Against));

        Assert.False(first.WasChange);
        Assert.True(second.WasChange);
        var votes = await app.QueryDbAsync(db => db.Votes.Where(vote => vote.AgendaItemId == board.ItemId).ToListAsync());
        Assert.Equal(VoteChoice.Against, Assert.Single(votes).Choice);
        var trail = await app.QueryDbAsync(db => db.VoteEvents.Where(entry => entry.AgendaItemId == board.ItemId).OrderBy(entry => entry.Id).Select(entry => new { entry.Kind, entry.Choice }).ToListAsync());
        Assert.Equal([new { Kind = VoteEventKind.Cast, Choice = VoteChoice.For }, new { Kind = VoteEventKind.Changed, Choice = VoteChoice.Against }], trail);
    }

    [Fact]
    public async Task The_same_member_submitting_many_times_at_once_leaves_one_vote_and_a_trail_of_real_changes()
    {
        var board = await VotingBoard.CreateAsync(app, voters: 3);
        var member = TestApp.Member(board.Voters[2]);

        await Task.WhenAll(Enumerable.Range(0, 12).Select(attempt =>
            app.SendAsAsync(member, new CastVote.Command(board.MeetingId, board.ItemNumber, attempt % 2 == 0 ? VoteChoice.For : VoteChoice.Abstain))));

        var vote = Assert.Single(await app.QueryDbAsync(db => db.Votes.Where(vote => vote.AgendaItemId == board.ItemId).ToListAsync()));
        // Each recorded event is a real change: a submission that repeats the current vote records nothing.
        var trail = await app.QueryDbAsync(db => db.VoteEvents.Where(entry => entry.AgendaItemId == board.ItemId).OrderBy(entry => entry.Id).ToListAsync());
        Assert.InRange(trail.Count, 1, 12);
        Assert.Equal(VoteEventKind.Cast, trail[0].Kind);
        Assert.All(trail.Skip(1), entry => Assert.Equal(VoteEventKind.Changed, entry.Kind));
        Assert.All(trail.Zip(trail.Skip(1)), pair => Assert.NotEqual(pair.First.Choice, pair.Second.Choice));
        Assert.Equal(trail[^1].Choice, vote.Choice);
    }

    [Fact]
    public async Task A_hundred_members_voting_at_the_same_moment_are_all_counted()
    {
        var board = await VotingBoard.CreateAsync(app, voters: 100);

        var results = await Task.WhenAll(board.Voters.Select((personId, index) =>
            app.SendAsAsync(TestApp.Member(personId), new CastVote.Command(board.MeetingId, board.ItemNumber, index % 3 == 0 ? VoteChoice.Against : VoteChoice.For))));

        Assert.Equal(100, results.Length);
        Assert.Equal(100, await app.QueryDbAsync(db => db.Votes.CountAsync(vote => vote.AgendaItemId == board.ItemId)));
        var outcome = await app.SendAsAsync(TestApp.Secretary(board.BodyId), new RunVote.Command(board.MeetingId, board.ItemNumber, RunVote.Action.Close));
        Assert.StartsWith("Carried 66 to 34", outcome, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_present_voting_members_of_the_body_who_have_not_withdrawn_may_vote_and_a_refusal_writes_nothing()
    {
        var board = await VotingBoard.CreateAsync(app, voters: 4);
        var other = await VotingBoard.CreateAsync(app, voters: 3, name: "Other Board");

        var refusals = new Dictionary<string, int>
        {
            ["Only members of Voting Test Board vote on its items."] = other.Voters[0],
            ["Your seat on Voting Test Board does not carry a vote."] = board.NonVoterId,
            ["Only members recorded as present at the meeting can vote. Ask the board secretary to record your attendance."] = board.AbsentId,
        };
        foreach (var (message, personId) in refusals)
        {
            var refusal = await Assert.ThrowsAsync<GovernanceException>(() => app.SendAsAsync(TestApp.Member(personId), new CastVote.Command(board.MeetingId, board.ItemNumber, VoteChoice.For)));
            Assert.Equal(message, refusal.Message);
        }

        Assert.Equal(0, await app.QueryDbAsync(db => db.Votes.CountAsync(vote => vote.AgendaItemId == board.ItemId)));
        Assert.Equal(0, await app.QueryDbAsync(db => db.VoteEvents.CountAsync(entry => entry.AgendaItemId == board.ItemId)));
    }

    [Fact]
    public async Task The_vote_statement_and_the_meeting_s_roll_give_the_domain_rule_s_answer_for_every_standing()
    {
        var board = await VotingBoard.CreateAsync(app, voters: 5, openVote: false);
        var other = await VotingBoard.CreateAsync(app, voters: 3, name: "Other Board");
        var secretary = TestApp.Secretary(board.BodyId);
        await app.SendAsAsync(TestApp.Member(board.Voters[3]), new DeclareInterest.Command(board.ItemId, null, "Trustee of a bidder", DeclarationAction.WithdrewFromDiscussionAndVote));
        await app.SendAsAsync(secretary, new RunMeeting.RecordDeparture(board.MeetingId, board.Voters[4]));
        await app.SendAsAsync(secretary, new RunVote.Command(board.MeetingId, board.ItemNumber, RunVote.Action.Open));
        var cases = new (int PersonId, VotingEligibility.Standing? Standing)[]
        {
            (other.Voters[0], null),
            (board.NonVoterId, new(HasVote: false, IsPresent: true, IsWithdrawn: false)),
            (board.AbsentId, new(HasVote: true, IsPresent: false, IsWithdrawn: false)),
            (board.Voters[4], new(HasVote: true, IsPresent: false, IsWithdrawn: false)),
            (board.Voters[3], new(HasVote: true, IsPresent: true, IsWithdrawn: true)),
            (board.Voters[1], new(HasVote: true, IsPresent: true, IsWithdrawn: false)),
        };
        var roll = (await app.QueryDbAsync(db => MeetingRoll.LoadAsync(db, board.MeetingId, CancellationToken.None)))!;

        foreach (var (personId, standing) in cases)
        {
            var expected = VotingEligibility.WhyNot("Voting Test Board", standing);
            string? statement = null;
            try
            {
                await app.SendAsAsync(TestApp.Member(personId), new CastVote.Command(board.MeetingId, board.ItemNumber, VoteChoice.For));
            }
            catch (GovernanceException refusal)
            {
                statement = refusal.Message;
            }

            Assert.Equal(expected, statement);
            Assert.Equal(expected, roll.WhyNotEligible(personId, [board.Voters[3]]));
        }
    }

    [Fact]
    public async Task A_member_who_declared_an_interest_is_withdrawn_from_the_vote()
    {
        var board = await VotingBoard.CreateAsync(app, voters: 5, openVote: false);
        var member = TestApp.Member(board.Voters[3]);
        await app.SendAsAsync(member, new DeclareInterest.Command(board.ItemId, null, "Partner in a provider bidding for the contract", DeclarationAction.WithdrewFromDiscussionAndVote));
        await app.SendAsAsync(TestApp.Secretary(board.BodyId), new RunVote.Command(board.MeetingId, board.ItemNumber, RunVote.Action.Open));

        var refusal = await Assert.ThrowsAsync<GovernanceException>(() => app.SendAsAsync(member, new CastVote.Command(board.MeetingId, board.ItemNumber, VoteChoice.For)));

        Assert.Equal("You declared an interest in this item, so you are withdrawn from its vote.", refusal.Message);
        Assert.Equal(0, await app.QueryDbAsync(db => db.Votes.CountAsync(vote => vote.AgendaItemId == board.ItemId)));
    }

    [Fact]
    public async Task A_vote_after_the_close_is_refused_with_a_clear_message()
    {
        var board = await VotingBoard.CreateAsync(app, voters: 3);
        await app.SendAsAsync(TestApp.Member(board.Voters[0]), new CastVote.Command(board.MeetingId, board.ItemNumber, VoteChoice.For));
        await app.SendAsAsync(TestApp.Secretary(board.BodyId), new RunVote.Command(board.MeetingId, board.ItemNumber, RunVote.Action.Close));

        var refusal = await Assert.ThrowsAsync<GovernanceException>(() => app.SendAsAsync(TestApp.Member(board.Voters[1]), new CastVote.Command(board.MeetingId, board.ItemNumber, VoteChoice.Against)));

        Assert.Equal("The vote on this item has closed. Your vote was not counted.", refusal.Message);
        Assert.Equal(1, await app.QueryDbAsync(db => db.Votes.CountAsync(vote => vote.AgendaItemId == board.ItemId)));
    }

    [Fact]
    public async Task Closing_a_vote_while_votes_arrive_counts_each_vote_or_refuses_it_never_half()
    {
        var board = await VotingBoard.CreateAsync(app, voters: 40);

        var votes = board.Voters.Select(async personId =>
        {
            try
            {
                await app.SendAsAsync(TestApp.Member(personId), new CastVote.Command(board.MeetingId, board.ItemNumber, VoteChoice.For));
                return (personId, Counted: true);
            }
            catch (GovernanceException)
            {
                return (personId, Counted: false);
            }
        }).ToList();
        var close = app.SendAsAsync(TestApp.Secretary(board.BodyId), new RunVote.Command(board.MeetingId, board.ItemNumber, RunVote.Action.Close));
        var results = await Task.WhenAll(votes);
        await close;

        var counted = results.Where(result => result.Counted).Select(result => result.personId).Order().ToList();
        var stored = await app.QueryDbAsync(db => db.Votes.Where(vote => vote.AgendaItemId == board.ItemId).Select(vote => vote.PersonId).OrderBy(id => id).ToListAsync());
        var item = await app.QueryDbAsync(db => db.AgendaItems.SingleAsync(candidate => candidate.Id == board.ItemId));
        Assert.Equal(counted, stored);
        Assert.Equal(stored.Count, item.VotesFor);
        Assert.Equal(stored.Count, await app.QueryDbAsync(db => db.VoteEvents.CountAsync(entry => entry.AgendaItemId == board.ItemId)));
    }

    [Fact]
    public async Task Opening_and_closing_a_vote_at_once_ends_open_or_closed_never_between()
    {
        var board = await VotingBoard.CreateAsync(app, voters: 3, openVote: false);
        var secretary = TestApp.Secretary(board.BodyId);
        async Task<bool> SucceedsAsync(RunVote.Action action)
        {
            try
            {
                await app.SendAsAsync(secretary, new RunVote.Command(board.MeetingId, board.ItemNumber, action));
                return true;
            }
            catch (GovernanceException)
            {
                return false;
            }
        }

        var (opened, closed) = await Task.WhenAll(SucceedsAsync(RunVote.Action.Open), SucceedsAsync(RunVote.Action.Close)) is [var first, var second] ? (first, second) : default;

        var item = await app.QueryDbAsync(db => db.AgendaItems.SingleAsync(candidate => candidate.Id == board.ItemId));
        Assert.True(opened);
        Assert.Equal(closed ? VoteState.Closed : VoteState.Open, item.VoteState);
        Assert.Equal(closed, item.Outcome is not null);
    }

    [Fact]
    public async Task Closing_the_meeting_while_a_vote_opens_never_leaves_a_closed_meeting_with_an_open_vote()
    {
        var board = await VotingBoard.CreateAsync(app, voters: 3, openVote: false);
        var secretary = TestApp.Secretary(board.BodyId);
        async Task<bool> SucceedsAsync<TResponse>(Mediator.ICommand<TResponse> command)
        {
            try
            {
                await app.SendAsAsync(secretary, command);
                return true;
            }
            catch (GovernanceException)
            {
                return false;
            }
        }

        // Hold the meeting row so that the close has read the items and waits to write: the moment a vote could open.
        await using var holder = new NpgsqlConnection(app.ConnectionString);
        await holder.OpenAsync();
        await using var hold = await holder.BeginTransactionAsync();
        await new NpgsqlCommand($"SELECT 1 FROM meetings WHERE id = {board.MeetingId} FOR UPDATE", holder, hold).ExecuteNonQueryAsync();
        var closing = SucceedsAsync(new RunMeeting.ChangeStatus(board.MeetingId, RunMeeting.StatusChange.Close));
        await WaitForLockWaitersAsync(1, closing);
        var opening = SucceedsAsync(new RunVote.Command(board.MeetingId, board.ItemNumber, RunVote.Action.Open));
        await WaitForLockWaitersAsync(2, opening);
        await hold.RollbackAsync();
        var (closed, opened) = (await closing, await opening);

        var state = await app.QueryDbAsync(db => db.AgendaItems.Where(item => item.Id == board.ItemId).Select(item => new { item.VoteState, item.Meeting!.Status }).SingleAsync());
        Assert.NotEqual(closed, opened);
        Assert.Equal(closed ? (MeetingStatus.Closed, VoteState.NotOpened) : (MeetingStatus.InProgress, VoteState.Open), (state.Status, state.VoteState));
        if (closed)
        {
            await Assert.ThrowsAsync<GovernanceException>(() => app.SendAsAsync(TestApp.Member(board.Voters[0]), new CastVote.Command(board.MeetingId, board.ItemNumber, VoteChoice.For)));
        }
    }

    /// <summary>Waits until <paramref name="count"/> statements of this test database wait on a lock, or the command has finished.</summary>
    private async Task WaitForLockWaitersAsync(int count, Task command)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var waiters = new NpgsqlCommand("SELECT count(*)::int FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'", connection);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!command.IsCompleted && (int)(await waiters.ExecuteScalarAsync())! < count)
        {
            Assert.True(DateTime.UtcNow < deadline, "The command neither finished nor waited on a lock.");
            await Task.Delay(20);
        }
    }

    [Fact]
    public async Task A_tie_waits_for_the_chair_s_casting_vote()
    {
        var board = await VotingBoard.CreateAsync(app, voters: 4);
        var secretary = TestApp.Secretary(board.BodyId);
        for (var index = 0; index < 4; index++)
        {
            await app.SendAsAsync(TestApp.Member(board.Voters[index]), new CastVote.Command(board.MeetingId, board.ItemNumber, index < 2 ? VoteChoice.For : VoteChoice.Against));
        }

        var closed = await app.SendAsAsync(secretary, new RunVote.Command(board.MeetingId, board.ItemNumber, RunVote.Action.Close));
        var decided = await app.SendAsAsync(secretary, new RunVote.CastingVoteCommand(board.MeetingId, board.ItemNumber, VoteChoice.Against));

        Assert.Equal("Tied 2 to 2: the chair's casting vote is needed", closed);
        Assert.StartsWith("Not carried 2 to 3 on the chair's casting vote", decided, StringComparison.Ordinal);
        var item = await app.QueryDbAsync(db => db.AgendaItems.SingleAsync(candidate => candidate.Id == board.ItemId));
        Assert.Equal((Outcome.NotCarried, VoteChoice.Against, board.ChairId), (item.Outcome!.Value, item.CastingVote!.Value, item.CastingVoteByPersonId!.Value));
    }

    [Fact]
    public async Task Only_the_secretary_of_the_body_runs_its_votes()
    {
        var board = await VotingBoard.CreateAsync(app, voters: 3, openVote: false);
        var other = await VotingBoard.CreateAsync(app, voters: 3, name: "Other Board");

        await Assert.ThrowsAsync<ForbiddenException>(() => app.SendAsAsync(TestApp.Secretary(other.BodyId), new RunVote.Command(board.MeetingId, board.ItemNumber, RunVote.Action.Open)));
        await Assert.ThrowsAsync<ForbiddenException>(() => app.SendAsAsync(TestApp.Member(board.Voters[0]), new RunVote.Command(board.MeetingId, board.ItemNumber, RunVote.Action.Open)));

        var item = await app.QueryDbAsync(db => db.AgendaItems.SingleAsync(candidate => candidate.Id == board.ItemId));
        Assert.Equal(VoteState.NotOpened, item.VoteState);
    }

    [Fact]
    public async Task The_vote_trail_cannot_be_changed_or_deleted_in_the_database()
    {
        var board = await VotingBoard.CreateAsync(app, voters: 3);
        await app.SendAsAsync(TestApp.Member(board.Voters[0]), new CastVote.Command(board.MeetingId, board.ItemNumber, VoteChoice.For));

        var update = await Assert.ThrowsAsync<PostgresException>(() => app.QueryDbAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE vote_events SET choice = 'Against'")));
        var delete = await Assert.ThrowsAsync<PostgresException>(() => app.QueryDbAsync(db => db.Database.ExecuteSqlRawAsync("DELETE FROM vote_events")));

        Assert.Contains("append-only", update.MessageText, StringComparison.Ordinal);
        Assert.Contains("append-only", delete.MessageText, StringComparison.Ordinal);
    }
}

[Collection(nameof(SharedApp))]
public sealed class VoteEdgeTests(TestApp app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task An_absent_chair_cannot_give_a_casting_vote_and_the_secretary_records_the_outcome_instead()
    {
        var board = await VotingBoard.CreateAsync(app, voters: 5);
        var secretary = TestApp.Secretary(board.BodyId);
        for (var index = 1; index < 5; index++)
        {
            await app.SendAsAsync(TestApp.Member(board.Voters[index]), new CastVote.Command(board.MeetingId, board.ItemNumber, index <= 2 ? VoteChoice.For : VoteChoice.Against));
        }

        await app.SendAsAsync(secretary, new RunVote.Command(board.MeetingId, board.ItemNumber, RunVote.Action.Close));
        await app.SendAsAsync(secretary, new RunMeeting.RecordDeparture(board.MeetingId, board.ChairId));

        var refusal = await Assert.ThrowsAsync<GovernanceException>(() => app.SendAsAsync(secretary, new RunVote.CastingVoteCommand(board.MeetingId, board.ItemNumber, VoteChoice.For)));
        Assert.StartsWith("The chair is not present", refusal.Message, StringComparison.Ordinal);

        var outcome = await app.SendAsAsync(secretary, new RunVote.RecordOutcomeCommand(board.MeetingId, board.ItemNumber, Outcome.Deferred, "Tied with the chair absent"));
        Assert.Equal("Deferred: Tied with the chair absent", outcome);
    }

    [Fact]
    public async Task A_chair_whose_chair_seat_has_no_vote_but_who_holds_a_voting_seat_gives_the_casting_vote()
    {
        var board = await VotingBoard.CreateAsync(app, voters: 3);
        var chair = board.Voters[1];
        await app.QueryDbAsync(async db =>
        {
            // Member 1 no longer chairs; member 2 keeps their voting lay seat and chairs from a seat without a vote.
            await db.Database.ExecuteSqlAsync($"UPDATE memberships SET role = {nameof(KentMedwayCommissioning.Web.Domain.MemberRole.GpMember)} WHERE body_id = {board.BodyId} AND person_id = {board.Voters[0]}");
            db.Memberships.Add(new KentMedwayCommissioning.Web.Domain.Membership(
                (await db.Bodies.FindAsync(board.BodyId))!, (await db.People.FindAsync(chair))!,
                KentMedwayCommissioning.Web.Domain.MemberRole.Chair, KentMedwayCommissioning.Web.Domain.MemberBackground.Lay, hasVote: false, from: null));
            return await db.SaveChangesAsync();
        });
        var secretary = TestApp.Secretary(board.BodyId);
        await app.SendAsAsync(TestApp.Member(chair), new CastVote.Command(board.MeetingId, board.ItemNumber, VoteChoice.For));
        await app.SendAsAsync(TestApp.Member(board.Voters[2]), new CastVote.Command(board.MeetingId, board.ItemNumber, VoteChoice.Against));
        await app.SendAsAsync(secretary, new RunVote.Command(board.MeetingId, board.ItemNumber, RunVote.Action.Close));

        var decided = await app.SendAsAsync(secretary, new RunVote.CastingVoteCommand(board.MeetingId, board.ItemNumber, VoteChoice.For));

        Assert.StartsWith("Carried 2 to 1 on the chair's casting vote", decided, StringComparison.Ordinal);
        Assert.Equal(chair, await app.QueryDbAsync(db => db.AgendaItems.Where(item => item.Id == board.ItemId).Select(item => item.CastingVoteByPersonId).SingleAsync()));
    }

    [Fact]
    public async Task A_meeting_half_an_hour_after_midnight_in_summer_falls_on_the_uk_day_for_who_holds_a_seat()
    {
        // 23:30 UTC on 30 June 2026 is 00:30 on 1 July in Kent (BST): a seat that starts on 1 July votes at this meeting.
        var board = await VotingBoard.CreateAsync(app, voters: 3);
        var newcomer = await app.QueryDbAsync(async db =>
        {
            var person = new KentMedwayCommissioning.Web.Domain.Person("Newcomer From July", isFictional: true);
            db.Memberships.Add(new KentMedwayCommissioning.Web.Domain.Membership(
                (await db.Bodies.FindAsync(board.BodyId))!, person, KentMedwayCommissioning.Web.Domain.MemberRole.GpMember,
                KentMedwayCommissioning.Web.Domain.MemberBackground.Clinical, hasVote: true, from: new DateOnly(2026, 7, 1)));
            await db.SaveChangesAsync();
            var startsAt = new DateTimeOffset(2026, 6, 30, 23, 30, 0, TimeSpan.Zero);
            await db.Database.ExecuteSqlAsync($"UPDATE meetings SET starts_at = {startsAt} WHERE id = {board.MeetingId}");
            await db.Database.ExecuteSqlAsync($"INSERT INTO attendances (meeting_id, person_id, status, arrived_at) VALUES ({board.MeetingId}, {person.Id}, 'Present', {startsAt})");
            return person.Id;
        });

        await app.SendAsAsync(TestApp.Member(newcomer), new CastVote.Command(board.MeetingId, board.ItemNumber, VoteChoice.For));

        Assert.Equal(VoteChoice.For, await app.QueryDbAsync(db => db.Votes.Where(vote => vote.PersonId == newcomer).Select(vote => vote.Choice).SingleAsync()));
    }

    [Fact]
    public async Task A_meeting_cannot_close_while_an_item_waits_for_its_casting_vote()
    {
        var board = await VotingBoard.CreateAsync(app, voters: 3);
        var secretary = TestApp.Secretary(board.BodyId);
        await app.SendAsAsync(TestApp.Member(board.Voters[1]), new CastVote.Command(board.MeetingId, board.ItemNumber, VoteChoice.For));
        await app.SendAsAsync(TestApp.Member(board.Voters[2]), new CastVote.Command(board.MeetingId, board.ItemNumber, VoteChoice.Against));
        await app.SendAsAsync(secretary, new RunVote.Command(board.MeetingId, board.ItemNumber, RunVote.Action.Close));

        var refusal = await Assert.ThrowsAsync<GovernanceException>(() => app.SendAsAsync(secretary, new RunMeeting.ChangeStatus(board.MeetingId, RunMeeting.StatusChange.Close)));

        Assert.Contains("casting vote", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_outcome_needs_to_be_chosen()
    {
        var board = await VotingBoard.CreateAsync(app, voters: 3, openVote: false);

        var invalid = await Assert.ThrowsAsync<FluentValidation.ValidationException>(() =>
            app.SendAsAsync(TestApp.Secretary(board.BodyId), new RunVote.RecordOutcomeCommand(board.MeetingId, board.ItemNumber, null, "A reason")));

        Assert.Contains(invalid.Errors, error => error.ErrorMessage == "Choose an outcome");
    }
}
