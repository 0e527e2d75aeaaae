using System.Net;
using System.Security.Claims;
using System.Text.Json;
using System.Xml.Linq;
using KentMedwayCommissioning.IntegrationTests.Meetings;
using KentMedwayCommissioning.TestSupport;
using KentMedwayCommissioning.Web.Data;
using KentMedwayCommissioning.Web.Data.DemoData;
using KentMedwayCommissioning.Web.Domain;
using KentMedwayCommissioning.Web.Domain.Meetings;
using KentMedwayCommissioning.Web.Domain.Registers;
using KentMedwayCommissioning.Web.Infrastructure;
using KentMedwayCommissioning.Web.Pages.Decisions;
using KentMedwayCommissioning.Web.Pages.Interests;
using KentMedwayCommissioning.Web.Pages.Meetings;
using KentMedwayCommissioning.Web.Pages.Registers;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KentMedwayCommissioning.IntegrationTests.Registers;

[Collection(nameof(SharedApp))]
public sealed class RegistersTests(TestApp app) : IAsyncLifetime
{
    private readonly Browsing _browser = new(app);

    private static readonly ClaimsPrincipal Administrator = new(new ClaimsIdentity(
        [new Claim(ClaimTypes.Name, "admin"), new Claim(ClaimTypes.Role, Roles.Administrator)], authenticationType: "Test"));

    private static DateOnly Today => UkCalendar.Today(TimeProvider.System);

    /// <summary>The body the demo members sit on and the demo secretary runs.</summary>
    private static readonly string DemoBody = Slug.From(DemoAccounts.Body);

    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private Task<int> PersonIdAsync(string name) => app.QueryDbAsync(db => db.People.Where(person => person.FullName == name).Select(person => person.Id).SingleAsync());

    private Task<int> BodyIdAsync(string slug) => app.QueryDbAsync(db => db.Bodies.Where(body => body.Slug == slug).Select(body => body.Id).SingleAsync());

    private static RegisterModel.RecordOffer Hospitality(string personName, decimal value) =>
        new(Slug.From(personName), OfferKind.Hospitality, "Dinner after a conference", "A regional network", false, value, Today.AddDays(-3), true, null);

    [Fact]
    public async Task The_public_registers_show_the_demo_entries_the_guidance_publishes_and_nothing_else()
    {
        var gifts = (await _browser.GetPageAsync("/registers/gifts-and-hospitality")).MainText();
        Assert.Contains("A hamper at Christmas (demo)", gifts, StringComparison.Ordinal);
        Assert.Contains("Dinner after the regional commissioning conference (demo)", gifts, StringComparison.Ordinal);
        Assert.Contains("Tickets to a charity gala (demo)", gifts, StringComparison.Ordinal);
        Assert.DoesNotContain("Sandwich lunch", gifts, StringComparison.Ordinal);

        var procurement = (await _browser.GetPageAsync("/registers/procurement")).MainText();
        Assert.Contains("Community services (demo)", procurement, StringComparison.Ordinal);
        Assert.Contains(RegistersData.ProcurementInterest, procurement, StringComparison.Ordinal);
        Assert.Contains("Withdrew from the discussion and the vote", procurement, StringComparison.Ordinal);
        Assert.DoesNotContain("Record a procurement decision", procurement, StringComparison.Ordinal);

        await _browser.GetPageAsync("/registers");
        await _browser.GetPageAsync("/registers/interests");
    }

    [Fact]
    public async Task The_register_of_interests_publishes_decision_making_staff_until_6_months_after_an_interest_ends()
    {
        var gp = DemoAccounts.GpMember.PersonName!;
        var gpId = await PersonIdAsync(gp);
        await app.SendAsAsync(TestApp.Member(gpId), new RegisterModel.AddInterest(Slug.From(gp), InterestKind.Financial, "Shares in a pharmacy chain", null, Today.AddYears(-2), Today.AddMonths(-6), "Withdraws from pharmacy decisions"));
        await app.SendAsAsync(TestApp.Member(gpId), new RegisterModel.AddInterest(Slug.From(gp), InterestKind.Indirect, "Spouse was a director of a care home", null, Today.AddYears(-2), Today.AddMonths(-6).AddDays(-1)));
        await app.SendAsAsync(TestApp.Member(gpId), new RegisterModel.AddInterest(Slug.From(gp), InterestKind.NonFinancialProfessional, "Clinical adviser to a GP federation", null, Today.AddDays(-29), null));
        // The board secretary sits on no body and holds no post: not decision-making staff.
        await app.SendAsAsync(Administrator, new RegisterModel.AddInterest(Slug.From(FictionalMembers.BoardSecretary), InterestKind.Financial, "Owns a consultancy", null, null, null));

        var rows = (await _browser.GetPageAsync("/registers/interests")).QuerySelectorAll("#interests tbody tr").Select(row => row.TextContent).ToList();

        Assert.Equal(2, rows.Count);
        Assert.Contains(rows, row => row.Contains("Shares in a pharmacy chain", StringComparison.Ordinal) && row.Contains("Withdraws from pharmacy decisions", StringComparison.Ordinal));
        Assert.Contains(rows, row => row.Contains("Clinical adviser to a GP federation", StringComparison.Ordinal) && row.Contains("Declared late", StringComparison.Ordinal));
        Assert.DoesNotContain(rows, row => row.Contains("care home", StringComparison.Ordinal) || row.Contains("consultancy", StringComparison.Ordinal));
        Assert.Equal(4, await app.QueryDbAsync(db => db.Interests.CountAsync()));
    }

    [Fact]
    public async Task The_body_s_secretary_records_the_action_taken_and_the_public_register_shows_it()
    {
        var gp = DemoAccounts.GpMember.PersonName!;
        var interestId = await app.SendAsAsync(TestApp.Member(await PersonIdAsync(gp)), new RegisterModel.AddInterest(Slug.From(gp), InterestKind.Financial, "Partner in a GP practice", null, null, null));
        var thanet = TestApp.Secretary(await BodyIdAsync("thanet-ccg"));

        await Assert.ThrowsAsync<ForbiddenException>(() => app.SendAsAsync(thanet, new RegisterModel.RecordManagement(Slug.From(gp), interestId, "Not theirs to say")));
        await app.SendAsAsync(TestApp.Secretary(await BodyIdAsync(DemoBody)), new RegisterModel.RecordManagement(Slug.From(gp), interestId, "Withdraws from decisions on GP contracts"));

        var row = (await _browser.GetPageAsync("/registers/interests")).QuerySelector("#interests tbody tr")!.TextContent;
        Assert.Contains("Withdraws from decisions on GP contracts", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_retention_job_deletes_only_records_kept_for_over_6_years()
    {
        var gp = DemoAccounts.GpMember.PersonName!;
        var gpId = await PersonIdAsync(gp);
        await app.SendAsAsync(TestApp.Member(gpId), new RegisterModel.AddInterest(Slug.From(gp), InterestKind.Financial, "Ended six years ago today", null, Today.AddYears(-8), Today.AddYears(-6)));
        await app.SendAsAsync(TestApp.Member(gpId), new RegisterModel.AddInterest(Slug.From(gp), InterestKind.Financial, "Ended six years ago yesterday", null, Today.AddYears(-8), Today.AddYears(-6).AddDays(-1)));
        await app.SendAsAsync(TestApp.Member(gpId), new RegisterModel.AddInterest(Slug.From(gp), InterestKind.Financial, "Held since long ago", null, Today.AddYears(-10), null));

        var purged = await app.SendAsync(new Retention.PurgeExpiredRecords());

        Assert.Equal(1, purged!.Interests);
        Assert.Equal(0, purged.GiftsAndHospitality);
        var left = await app.QueryDbAsync(db => db.Interests.Select(interest => interest.Description).OrderBy(description => description).ToListAsync());
        Assert.Equal(["Ended six years ago today", "Held since long ago"], left);
    }

    [Fact]
    public async Task An_interest_declared_half_an_hour_after_midnight_in_summer_is_declared_on_the_uk_day_and_so_late()
    {
        // 23:30 UTC on 1 July 2026 is 00:30 on 2 July in Kent (BST): 29 days after the interest began on 3 June.
        await using var halfPastMidnight = app.Factory.WithWebHostBuilder(host => host.ConfigureTestServices(services =>
            services.AddSingleton<TimeProvider>(new FixedClock(new DateTimeOffset(2026, 7, 1, 23, 30, 0, TimeSpan.Zero)))));
        var gp = DemoAccounts.GpMember.PersonName!;
        var gpId = await PersonIdAsync(gp);
        await using var scope = halfPastMidnight.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Principal = TestApp.Member(gpId);

        await scope.ServiceProvider.GetRequiredService<Mediator.ISender>().Send(
            new RegisterModel.AddInterest(Slug.From(gp), InterestKind.Financial, "Shares in a dispensing practice", null, new DateOnly(2026, 6, 3), null));

        var declaredOn = await app.QueryDbAsync(db => db.Interests.Where(interest => interest.Description == "Shares in a dispensing practice").Select(interest => interest.DeclaredOn).SingleAsync());
        Assert.Equal(new DateOnly(2026, 7, 2), declaredOn);
        Assert.True(ConflictsOfInterestGuidance.IsDeclaredLate(new DateOnly(2026, 6, 3), declaredOn));
    }

    [Fact]
    public async Task The_retention_job_purges_as_soon_as_the_app_starts_not_a_day_later()
    {
        var gp = DemoAccounts.GpMember.PersonName!;
        await app.SendAsAsync(TestApp.Member(await PersonIdAsync(gp)), new RegisterModel.AddInterest(Slug.From(gp), InterestKind.Financial, "Ended seven years ago", null, Today.AddYears(-9), Today.AddYears(-7)));
        var services = app.Factory.Services;
        using var job = new RegisterRetentionJob(
            services.GetRequiredService<IServiceScopeFactory>(), TimeProvider.System, services.GetRequiredService<ILogger<RegisterRetentionJob>>());

        await job.StartAsync(CancellationToken.None);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (await app.QueryDbAsync(db => db.Interests.AnyAsync(interest => interest.Description == "Ended seven years ago")) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        await job.StopAsync(CancellationToken.None);
        Assert.False(await app.QueryDbAsync(db => db.Interests.AnyAsync(interest => interest.Description == "Ended seven years ago")));
    }

    [Fact]
    public async Task A_second_instance_s_retention_run_leaves_the_purge_to_the_instance_already_running_it()
    {
        var gp = DemoAccounts.GpMember.PersonName!;
        await app.SendAsAsync(TestApp.Member(await PersonIdAsync(gp)), new RegisterModel.AddInterest(Slug.From(gp), InterestKind.Financial, "Ended seven years ago", null, Today.AddYears(-9), Today.AddYears(-7)));
        await using var otherInstance = new Npgsql.NpgsqlConnection(app.ConnectionString);
        await otherInstance.OpenAsync();
        await new Npgsql.NpgsqlCommand($"SELECT pg_advisory_lock({Retention.Lock})", otherInstance).ExecuteNonQueryAsync();

        var whileHeld = await app.SendAsync(new Retention.PurgeExpiredRecords());
        await new Npgsql.NpgsqlCommand($"SELECT pg_advisory_unlock({Retention.Lock})", otherInstance).ExecuteNonQueryAsync();
        var afterwards = await app.SendAsync(new Retention.PurgeExpiredRecords());

        Assert.Null(whileHeld);
        Assert.Equal(1, afterwards!.Interests);
    }

    [Fact]
    public async Task Only_the_person_their_body_s_secretary_and_administrators_record_their_gifts_and_hospitality()
    {
        var gp = DemoAccounts.GpMember.PersonName!;
        var gpId = await PersonIdAsync(gp);
        var layId = await PersonIdAsync(DemoAccounts.LayMember.PersonName!);
        var gpBody = await BodyIdAsync(DemoBody);
        var thanet = await BodyIdAsync("thanet-ccg");

        var own = await app.SendAsAsync(TestApp.Member(gpId), Hospitality(gp, 40m));
        await app.SendAsAsync(TestApp.Secretary(gpBody), Hospitality(gp, 30m));
        await app.SendAsAsync(Administrator, Hospitality(gp, 26m));
        await Assert.ThrowsAsync<ForbiddenException>(() => app.SendAsAsync(TestApp.Member(layId), Hospitality(gp, 41m)));
        await Assert.ThrowsAsync<ForbiddenException>(() => app.SendAsAsync(TestApp.Secretary(thanet), Hospitality(gp, 42m)));

        Assert.Equal(OfferRequirement.MayAcceptAndMustDeclare, own.Requirement);
        Assert.Equal([26m, 30m, 40m], await app.QueryDbAsync(db => db.GiftsAndHospitality.Where(offer => offer.PersonId == gpId && !offer.IsFictional).Select(offer => offer.Value).OrderBy(value => value).ToListAsync()));
    }

    [Fact]
    public async Task A_value_typed_with_a_pound_sign_is_recorded_and_junk_is_explained_by_the_field()
    {
        var gp = DemoAccounts.GpMember.PersonName!;
        await _browser.SignInAsync(DemoAccounts.GpMember.Email, DemoAccounts.Password);
        var path = $"/people/{Slug.From(gp)}/interests";
        var token = (await _browser.GetPageAsync(path)).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        Task<HttpResponseMessage> Offer(string description, string value) => _browser.Client.PostAsync(path + "?handler=RecordOffer", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Offer.Kind"] = nameof(OfferKind.Hospitality),
            ["Offer.Description"] = description,
            ["Offer.Giver"] = "A royal college",
            ["Offer.Value"] = value,
            ["Offer.OfferedOn"] = Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Offer.Accepted"] = "false",
        }));

        var junk = await Offer("A conference dinner", "forty pounds");
        var recorded = await Offer("A conference dinner", "£1,250.50");

        Assert.Equal(HttpStatusCode.OK, junk.StatusCode);
        Assert.Contains(KentMedwayCommissioning.Web.Pages.Shared.Pounds.Refusal, (await Browsing.ParseAsync(junk)).QuerySelector("#offer-value-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        Assert.Equal(1250.50m, await app.QueryDbAsync(db => db.GiftsAndHospitality.Where(offer => offer.Description == "A conference dinner").Select(offer => offer.Value).SingleAsync()));
    }

    [Fact]
    public async Task A_gift_from_a_supplier_cannot_be_recorded_as_accepted()
    {
        var gp = DemoAccounts.GpMember.PersonName!;
        await _browser.SignInAsync(DemoAccounts.GpMember.Email, DemoAccounts.Password);
        var path = $"/people/{Slug.From(gp)}/interests";
        var page = await _browser.GetPageAsync(path);
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        var response = await _browser.Client.PostAsync(path + "?handler=RecordOffer", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Offer.Kind"] = nameof(OfferKind.Gift),
            ["Offer.Description"] = "A bottle of wine",
            ["Offer.Giver"] = "A community services provider",
            ["Offer.GiverIsSupplier"] = "true",
            ["Offer.Value"] = "15",
            ["Offer.OfferedOn"] = Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Offer.Accepted"] = "true",
        }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("This offer cannot be accepted.", (await Browsing.ParseAsync(response)).MainText(), StringComparison.Ordinal);
        Assert.False(await app.QueryDbAsync(db => db.GiftsAndHospitality.AnyAsync(offer => offer.Description == "A bottle of wine")));
    }

    [Fact]
    public async Task Only_the_body_s_secretary_or_an_administrator_records_its_procurement_decisions()
    {
        var body = await BodyIdAsync(DemoBody);
        var thanet = await BodyIdAsync("thanet-ccg");
        var layId = await PersonIdAsync(DemoAccounts.LayMember.PersonName!);
        RecordProcurementModel.Command Decision(string service) => new(DemoBody, service, "A provider", 700_000m, new DateOnly(2021, 4, 1),
            ProcurementRoute.CompetitiveTender, new DateOnly(2021, 1, 10), null, null, layId, "Trustee of a bidder", DeclarationAction.WithdrewFromDiscussionAndVote);

        await app.SendAsAsync(TestApp.Secretary(body), Decision("Wheelchair services"));
        await app.SendAsAsync(Administrator, Decision("Audiology"));
        await Assert.ThrowsAsync<ForbiddenException>(() => app.SendAsAsync(TestApp.Secretary(thanet), Decision("Podiatry")));
        await Assert.ThrowsAsync<ForbiddenException>(() => app.SendAsAsync(TestApp.Member(layId), Decision("Podiatry")));

        var page = (await _browser.GetPageAsync("/registers/procurement")).MainText();
        Assert.Contains("Wheelchair services", page, StringComparison.Ordinal);
        Assert.Contains("1 April 2026", page, StringComparison.Ordinal); // over £650,000: recommissioned five years after it starts
        Assert.DoesNotContain("Podiatry", page, StringComparison.Ordinal);
        Assert.True(await app.QueryDbAsync(db => db.Contracts.AnyAsync(contract => contract.Service == "Wheelchair services")));
    }

    [Fact]
    public async Task The_body_s_secretary_adds_further_interests_declared_in_a_procurement_decision()
    {
        var decisionId = await app.QueryDbAsync(db => db.ProcurementDecisions.Select(decision => decision.Id).SingleAsync());
        var chiefFinanceOfficer = FictionalMembers.For(DemoAccounts.Body).First(member => member.Seat.Role == MemberRole.ChiefFinanceOfficer).Name;
        var personId = await PersonIdAsync(chiefFinanceOfficer);
        DeclareProcurementInterestModel.Command Declare(int person) => new(DemoBody, decisionId, person, "Spouse works for the provider", DeclarationAction.StayedForDiscussionDidNotVote);

        var thanet = TestApp.Secretary(await BodyIdAsync("thanet-ccg"));
        await Assert.ThrowsAsync<ForbiddenException>(() => app.SendAsAsync(thanet, Declare(personId)));
        await app.SendAsAsync(TestApp.Secretary(await BodyIdAsync(DemoBody)), Declare(personId));
        await Assert.ThrowsAsync<GovernanceException>(() => app.SendAsAsync(Administrator, Declare(personId)));

        var entry = (await _browser.GetPageAsync("/registers/procurement")).QuerySelector($"#procurement-{decisionId} + dl")!.TextContent;
        Assert.Contains($"{chiefFinanceOfficer}: Spouse works for the provider. Stayed for the discussion but did not vote.", string.Join(' ', entry.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
        Assert.Contains(RegistersData.ProcurementInterest, entry, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_member_s_public_record_lists_their_named_votes_and_withdrawals_in_the_popolo_shape()
    {
        var board = await VotingBoard.CreateAsync(app, voters: 4, name: "Record Test Board", openVote: false);
        var secretary = TestApp.Secretary(board.BodyId);
        await app.SendAsAsync(TestApp.Member(board.Voters[3]), new DeclareInterest.Command(board.ItemId, null, "Trustee of a bidder", DeclarationAction.WithdrewFromDiscussionAndVote));
        await app.SendAsAsync(secretary, new RunVote.Command(board.MeetingId, board.ItemNumber, RunVote.Action.Open));
        await app.SendAsAsync(TestApp.Member(board.Voters[0]), new CastVote.Command(board.MeetingId, board.ItemNumber, VoteChoice.For));
        await app.SendAsAsync(TestApp.Member(board.Voters[1]), new CastVote.Command(board.MeetingId, board.ItemNumber, VoteChoice.Against));
        await app.SendAsAsync(TestApp.Member(board.Voters[2]), new CastVote.Command(board.MeetingId, board.ItemNumber, VoteChoice.For));
        await app.SendAsAsync(secretary, new RunVote.Command(board.MeetingId, board.ItemNumber, RunVote.Action.Close));
        await app.SendAsAsync(secretary, new RunMeeting.ChangeStatus(board.MeetingId, RunMeeting.StatusChange.Close));
        await app.SendAsAsync(secretary, new PublishMeeting.Command(board.MeetingId));

        using var voter = JsonDocument.Parse(await _browser.Client.GetStringAsync($"/api/v1/people/{Slug.From("Record Test Board Member 1")}/record"));
        var voteEvent = Assert.Single(voter.RootElement.GetProperty("vote_events").EnumerateArray());
        Assert.Equal("Carried", voteEvent.GetProperty("result").GetString());
        Assert.Equal(["yes:2", "no:1", "abstain:0"], voteEvent.GetProperty("counts").EnumerateArray().Select(count => $"{count.GetProperty("option").GetString()}:{count.GetProperty("value").GetInt32()}"));
        var vote = Assert.Single(voteEvent.GetProperty("votes").EnumerateArray());
        Assert.Equal("record-test-board-member-1", vote.GetProperty("voter_id").GetString());
        Assert.Equal("yes", vote.GetProperty("option").GetString());
        Assert.Equal("present", Assert.Single(voter.RootElement.GetProperty("attendance").EnumerateArray()).GetProperty("status").GetString());

        using var withdrawn = JsonDocument.Parse(await _browser.Client.GetStringAsync($"/api/v1/people/{Slug.From("Record Test Board Member 4")}/record"));
        var withdrawal = withdrawn.RootElement.GetProperty("vote_events")[0].GetProperty("votes")[0];
        Assert.Equal("not voting", withdrawal.GetProperty("option").GetString());
        Assert.Equal("Trustee of a bidder", withdrawal.GetProperty("withdrawal_reason").GetString());
        Assert.Equal("Withdrew from the discussion and the vote", withdrawn.RootElement.GetProperty("declarations")[0].GetProperty("management").GetString());

        var page = await _browser.GetPageAsync($"/people/{Slug.From("Record Test Board Member 2")}");
        Assert.Contains("Against", page.QuerySelector("#votes + table")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_member_s_public_record_shows_what_was_published_not_what_the_live_tables_say_now()
    {
        var board = await VotingBoard.CreateAsync(app, voters: 3, name: "Published Record Board");
        var secretary = TestApp.Secretary(board.BodyId);
        await app.SendAsAsync(TestApp.Member(board.Voters[0]), new CastVote.Command(board.MeetingId, board.ItemNumber, VoteChoice.For));
        await app.SendAsAsync(TestApp.Member(board.Voters[1]), new CastVote.Command(board.MeetingId, board.ItemNumber, VoteChoice.For));
        await app.SendAsAsync(secretary, new RunVote.Command(board.MeetingId, board.ItemNumber, RunVote.Action.Close));
        await app.SendAsAsync(secretary, new RunMeeting.ChangeStatus(board.MeetingId, RunMeeting.StatusChange.Close));
        await app.SendAsAsync(secretary, new PublishMeeting.Command(board.MeetingId));
        // After publication the live tables say something else: a vote changed, and a vote by someone who cast none.
        await app.QueryDbAsync(db => db.Database.ExecuteSqlAsync($"UPDATE votes SET choice = 'Against' WHERE agenda_item_id = {board.ItemId} AND person_id = {board.Voters[0]}"));
        await app.QueryDbAsync(db => db.Database.ExecuteSqlAsync($"INSERT INTO votes (agenda_item_id, person_id, choice, cast_at) VALUES ({board.ItemId}, {board.Voters[2]}, 'Against', now())"));

        using var voter = JsonDocument.Parse(await _browser.Client.GetStringAsync($"/api/v1/people/{Slug.From("Published Record Board Member 1")}/record"));
        using var nonVoter = JsonDocument.Parse(await _browser.Client.GetStringAsync($"/api/v1/people/{Slug.From("Published Record Board Member 3")}/record"));

        Assert.Equal("yes", Assert.Single(voter.RootElement.GetProperty("vote_events").EnumerateArray()).GetProperty("votes")[0].GetProperty("option").GetString());
        Assert.Empty(nonVoter.RootElement.GetProperty("vote_events").EnumerateArray());
    }

    [Fact]
    public async Task The_chair_s_record_names_their_casting_vote()
    {
        var board = await VotingBoard.CreateAsync(app, voters: 2, name: "Casting Test Board");
        var secretary = TestApp.Secretary(board.BodyId);
        await app.SendAsAsync(TestApp.Member(board.Voters[0]), new CastVote.Command(board.MeetingId, board.ItemNumber, VoteChoice.For));
        await app.SendAsAsync(TestApp.Member(board.Voters[1]), new CastVote.Command(board.MeetingId, board.ItemNumber, VoteChoice.Against));
        await app.SendAsAsync(secretary, new RunVote.Command(board.MeetingId, board.ItemNumber, RunVote.Action.Close));
        await app.SendAsAsync(secretary, new RunVote.CastingVoteCommand(board.MeetingId, board.ItemNumber, VoteChoice.For));
        await app.SendAsAsync(secretary, new RunMeeting.ChangeStatus(board.MeetingId, RunMeeting.StatusChange.Close));
        await app.SendAsAsync(secretary, new PublishMeeting.Command(board.MeetingId));

        using var chair = JsonDocument.Parse(await _browser.Client.GetStringAsync($"/api/v1/people/{Slug.From("Casting Test Board Member 1")}/record"));

        var voteEvent = chair.RootElement.GetProperty("vote_events")[0];
        Assert.Equal("yes", voteEvent.GetProperty("votes")[0].GetProperty("option").GetString());
        Assert.Equal("yes", voteEvent.GetProperty("casting_vote").GetProperty("option").GetString());
        Assert.Equal("casting-test-board-member-1", voteEvent.GetProperty("casting_vote").GetProperty("voter_id").GetString());
    }

    [Fact]
    public async Task A_procurement_decision_links_to_the_published_decision_of_its_body()
    {
        var westKent = TestApp.Secretary(await BodyIdAsync("west-kent-ccg"));
        var sequences = await app.QueryDbAsync(db => db.PublishedDecisions.GroupBy(decision => decision.BodySlug == "west-kent-ccg").Select(group => new { Own = group.Key, Sequence = group.Min(decision => decision.Sequence) }).ToListAsync());
        var own = sequences.Single(entry => entry.Own).Sequence;
        var other = sequences.Single(entry => !entry.Own).Sequence;
        RecordProcurementModel.Command Decision(long sequence) => new("west-kent-ccg", "Strategic commissioning support", "A commissioning support unit", 400_000m, new DateOnly(2018, 4, 1),
            ProcurementRoute.Framework, new DateOnly(2018, 2, 1), null, sequence, null, null, null);

        var refusal = await Assert.ThrowsAsync<GovernanceException>(() => app.SendAsAsync(westKent, Decision(other)));
        await app.SendAsAsync(westKent, Decision(own));

        Assert.Contains("was not made at that meeting of West Kent CCG", refusal.Message, StringComparison.Ordinal);
        var entry = (await _browser.GetPageAsync("/registers/procurement")).QuerySelectorAll("main dl").Single(list => list.TextContent.Contains("A commissioning support unit", StringComparison.Ordinal));
        Assert.NotNull(entry.QuerySelector($"a[href='/decisions/{own}']"));
        Assert.Contains($"At the meeting: {DecisionsData.GoverningBodyDecisionTitle}", entry.TextContent, StringComparison.Ordinal);
        Assert.Contains("Not required: worth £650,000 or less", entry.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_dashboard_reminds_decision_making_staff_whose_declaration_is_over_a_year_old()
    {
        await _browser.SignInAsync(DemoAccounts.GpMember.Email, DemoAccounts.Password);
        Assert.NotNull((await _browser.GetPageAsync("/dashboard")).QuerySelector("#declaration-due"));

        var response = await _browser.SubmitAsync($"/people/{Slug.From(DemoAccounts.GpMember.PersonName!)}/interests", new Dictionary<string, string>
        {
            ["Input.Kind"] = nameof(InterestKind.NonFinancialPersonal),
            ["Input.Description"] = "Volunteer at a hospice",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Null((await _browser.GetPageAsync("/dashboard")).QuerySelector("#declaration-due"));
    }

    [Theory]
    [InlineData("interests")]
    [InlineData("gifts-and-hospitality")]
    [InlineData("procurement")]
    public async Task Each_register_downloads_as_csv_and_follows_as_atom(string register)
    {
        var csv = await _browser.Client.GetAsync($"/registers/{register}.csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.NotEmpty(lines);

        var atom = await _browser.Client.GetAsync($"/registers/{register}/feed.atom");
        Assert.Equal("application/atom+xml", atom.Content.Headers.ContentType!.MediaType);
        var feed = XDocument.Parse(await atom.Content.ReadAsStringAsync());
        XNamespace ns = "http://www.w3.org/2005/Atom";
        Assert.Equal(register == "interests" ? 0 : lines.Length - 1, feed.Root!.Elements(ns + "entry").Count());

        var openData = (await _browser.GetPageAsync("/open-data")).MainText();
        Assert.Contains($"/registers/{register}.csv", openData, StringComparison.Ordinal);
    }
}
