using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using KentMedwayCommissioning.TestSupport;
using KentMedwayCommissioning.Web.Data.DemoData;
using KentMedwayCommissioning.Web.Domain;
using KentMedwayCommissioning.Web.Domain.Meetings;
using KentMedwayCommissioning.Web.Pages.Proposals;
using Microsoft.EntityFrameworkCore;

namespace KentMedwayCommissioning.IntegrationTests.Proposals;

[Collection(nameof(SharedApp))]
public sealed class CreateProposalTests(TestApp app) : IAsyncLifetime
{
    private const string NewProposal = "/proposals/new";
    private static readonly string SingleCcg = Slug.From(PapersData.SingleCcg);
    private static readonly string ProgrammeBoard = Slug.From(PapersData.StpProgrammeBoard);
    private static readonly string WestKent = Slug.From(PapersData.WestKent);
    private readonly Browsing _browser = new(app);

    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Programme_office_sends_a_proposal_to_two_bodies_and_each_gets_an_item_on_its_own_meeting()
    {
        var ccgMeeting = await ScheduleAsync(SingleCcg, daysAhead: 10);
        var boardMeeting = await ScheduleAsync(ProgrammeBoard, daysAhead: 20);
        await _browser.SignInAsync(DemoAccounts.ProgrammeOffice.Email, DemoAccounts.Password);
        var form = await _browser.GetPageAsync(NewProposal);

        var response = await _browser.SubmitAsync(NewProposal, Fields(form, "Shared stroke services", (SingleCcg, ccgMeeting), (ProgrammeBoard, boardMeeting)));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/proposals/shared-stroke-services", response.Headers.Location!.OriginalString);
        var items = await app.QueryDbAsync(db => db.AgendaItems.Where(item => db.Proposals.Any(proposal => proposal.Id == item.ProposalId && proposal.Slug == "shared-stroke-services"))
            .Select(item => new { item.MeetingId, item.Title, item.Kind, item.Question }).OrderBy(item => item.MeetingId).ToListAsync());
        Assert.Equal(
            [(ccgMeeting, "Shared stroke services", AgendaItemKind.ForDecision, "Does the body agree to the proposal?"), (boardMeeting, "Shared stroke services", AgendaItemKind.ForDecision, "Does the body agree to the proposal?")],
            items.Select(item => (item.MeetingId, item.Title, item.Kind, item.Question)).OrderBy(item => item.MeetingId));
        var page = await _browser.GetPageAsync("/proposals/shared-stroke-services");
        Assert.Contains("The proposal is sent to 2 bodies", page.MainText(), StringComparison.Ordinal);
        Assert.Contains("0 of 2 agreed, 2 yet to decide", page.MainText(), StringComparison.Ordinal);
        Assert.Equal(2, page.QuerySelectorAll("main table a[href^='/meetings/']").Count(link => link.TextContent.StartsWith("On the agenda", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_proposal_page_shows_a_body_s_outcome_once_it_decides()
    {
        var ccgMeeting = await ScheduleAsync(SingleCcg, daysAhead: 10);
        var boardMeeting = await ScheduleAsync(ProgrammeBoard, daysAhead: 20);
        await app.SendAsAsync(ProgrammeOfficePrincipal(), new CreateModel.Command("Shared stroke services", null, "Agree?", [new(SingleCcg, ccgMeeting), new(ProgrammeBoard, boardMeeting)]));
        await app.QueryDbAsync(async db =>
        {
            var item = await db.AgendaItems.SingleAsync(candidate => candidate.MeetingId == ccgMeeting && candidate.ProposalId != null);
            item.RecordOutcomeFromMinutes(Outcome.Deferred, "Needs the finance paper first", DateTimeOffset.UtcNow);
            return await db.SaveChangesAsync();
        });

        var page = await _browser.GetPageAsync("/proposals/shared-stroke-services");

        Assert.Contains("0 of 2 agreed, 1 deferred, 1 yet to decide", page.MainText(), StringComparison.Ordinal);
        Assert.Contains("Needs the finance paper first", page.MainText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_body_chosen_is_refused_and_nothing_is_written()
    {
        await _browser.SignInAsync(DemoAccounts.ProgrammeOffice.Email, DemoAccounts.Password);
        var form = await _browser.GetPageAsync(NewProposal);

        var page = await AssertRefusedAsync(Fields(form, "Shared stroke services"));

        Assert.Equal("Choose at least one body, and the meeting at which it decides", ErrorText(page, "input-sendings"));
    }

    [Fact]
    public async Task A_meeting_of_another_body_is_refused_next_to_its_row_and_the_other_body_gets_nothing()
    {
        var boardMeeting = await ScheduleAsync(ProgrammeBoard, daysAhead: 20);
        await _browser.SignInAsync(DemoAccounts.ProgrammeOffice.Email, DemoAccounts.Password);
        var form = await _browser.GetPageAsync(NewProposal);

        // The programme board's meeting offered as the single CCG's, beside a good row for the board.
        var fields = Fields(form, "Shared stroke services", (ProgrammeBoard, boardMeeting));
        fields[$"Input.Sendings[{RowOf(form, SingleCcg)}].MeetingId"] = boardMeeting.ToString(CultureInfo.InvariantCulture);
        var page = await AssertRefusedAsync(fields);

        Assert.Equal($"Choose one of {PapersData.SingleCcg}'s own meetings", ErrorText(page, $"input-sendings[{RowOf(form, SingleCcg)}]-meetingid"));
    }

    [Fact]
    public async Task A_meeting_already_held_is_refused_next_to_its_row()
    {
        var held = await ScheduleAsync(SingleCcg, daysAhead: 1);
        await app.QueryDbAsync(async db =>
        {
            var meeting = await db.Meetings.SingleAsync(candidate => candidate.Id == held);
            meeting.Start();
            meeting.Close();
            return await db.SaveChangesAsync();
        });
        await _browser.SignInAsync(DemoAccounts.ProgrammeOffice.Email, DemoAccounts.Password);
        var form = await _browser.GetPageAsync(NewProposal);
        Assert.Empty(form.QuerySelectorAll($"option[value='{held}']"));

        var page = await AssertRefusedAsync(Fields(form, "Shared stroke services", (SingleCcg, held)));

        Assert.Equal($"That meeting of {PapersData.SingleCcg} is closed: choose one still to be held", ErrorText(page, $"input-sendings[{RowOf(form, SingleCcg)}]-meetingid"));
    }

    [Fact]
    public async Task A_body_chosen_twice_is_refused_next_to_the_second_row()
    {
        var first = await ScheduleAsync(SingleCcg, daysAhead: 10);
        var second = await ScheduleAsync(SingleCcg, daysAhead: 40);
        await _browser.SignInAsync(DemoAccounts.ProgrammeOffice.Email, DemoAccounts.Password);
        var form = await _browser.GetPageAsync(NewProposal);
        var row = RowOf(form, SingleCcg);
        var fields = Fields(form, "Shared stroke services", (SingleCcg, first));
        var twice = form.QuerySelectorAll("input[type=hidden][name$='.BodySlug']").Length;
        fields[$"Input.Sendings[{twice}].BodySlug"] = SingleCcg;
        fields[$"Input.Sendings[{twice}].MeetingId"] = second.ToString(CultureInfo.InvariantCulture);

        var page = await AssertRefusedAsync(fields);

        Assert.Contains("This body is chosen twice: send the proposal to each body once", page.QuerySelector(".nhsuk-error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector($"[id='input-sendings[{row}]-meetingid-error']"));
    }

    [Fact]
    public async Task An_ended_body_is_not_offered_and_is_refused()
    {
        // A planned meeting written straight to the database, as no form schedules one after the body's last day.
        var planned = await ScheduleAsync(WestKent, daysAhead: 10);
        await _browser.SignInAsync(DemoAccounts.ProgrammeOffice.Email, DemoAccounts.Password);
        var form = await _browser.GetPageAsync(NewProposal);
        Assert.Empty(form.QuerySelectorAll($"input[value='{WestKent}']"));
        var fields = Fields(form, "Shared stroke services");
        var extra = form.QuerySelectorAll("input[type=hidden][name$='.BodySlug']").Length;
        fields[$"Input.Sendings[{extra}].BodySlug"] = WestKent;
        fields[$"Input.Sendings[{extra}].MeetingId"] = planned.ToString(CultureInfo.InvariantCulture);

        var page = await AssertRefusedAsync(fields);

        Assert.Contains($"{PapersData.WestKent} ended on 31 March 2020, so it no longer decides", page.QuerySelector(".nhsuk-error-summary")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_secretary_sends_only_to_bodies_they_are_secretary_of()
    {
        var ccgMeeting = await ScheduleAsync(SingleCcg, daysAhead: 10);
        var boardMeeting = await ScheduleAsync(ProgrammeBoard, daysAhead: 20);
        var ccgId = await app.QueryDbAsync(db => db.Bodies.Where(body => body.Slug == SingleCcg).Select(body => body.Id).SingleAsync());

        var slug = await app.SendAsAsync(TestApp.Secretary(ccgId), new CreateModel.Command("Own body only", null, "Agree?", [new(SingleCcg, ccgMeeting)]));
        await Assert.ThrowsAsync<ForbiddenException>(() => app.SendAsAsync(TestApp.Secretary(ccgId), new CreateModel.Command("Two bodies", null, "Agree?", [new(SingleCcg, ccgMeeting), new(ProgrammeBoard, boardMeeting)])));

        Assert.Equal("own-body-only", slug);
        Assert.False(await app.QueryDbAsync(db => db.Proposals.AnyAsync(proposal => proposal.Slug == "two-bodies")));
        Assert.Equal(1, await app.QueryDbAsync(db => db.AgendaItems.CountAsync(item => item.MeetingId == ccgMeeting)));
    }

    [Fact]
    public async Task The_demo_secretary_is_offered_only_their_own_bodies_that_still_decide()
    {
        await _browser.SignInAsync(DemoAccounts.BoardSecretary.Email, DemoAccounts.Password);

        var form = await _browser.GetPageAsync(NewProposal);

        // The demo secretary runs the single CCG, which still decides; the eight CCGs ended in 2020.
        Assert.Equal([SingleCcg], form.QuerySelectorAll("input[type=hidden][name$='.BodySlug']").Select(input => input.GetAttribute("value")));
        Assert.DoesNotContain("There are no bodies you can send a proposal to.", form.MainText(), StringComparison.Ordinal);
    }

    private async Task<IDocument> AssertRefusedAsync(Dictionary<string, string> fields)
    {
        var proposalsBefore = await app.QueryDbAsync(db => db.Proposals.CountAsync());
        var itemsBefore = await app.QueryDbAsync(db => db.AgendaItems.CountAsync());

        var response = await _browser.SubmitAsync(NewProposal, fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Browsing.ParseAsync(response);
        Assert.StartsWith("Error: ", page.Title, StringComparison.Ordinal);
        Assert.Equal(proposalsBefore, await app.QueryDbAsync(db => db.Proposals.CountAsync()));
        Assert.Equal(itemsBefore, await app.QueryDbAsync(db => db.AgendaItems.CountAsync()));
        return page;
    }

    private static string ErrorText(IDocument page, string fieldId) =>
        page.QuerySelector($"[id='{fieldId}-error']")!.TextContent.Replace("Error:", "", StringComparison.Ordinal).Trim();

    /// <summary>Where the form lists the body: its row's index in the posted list.</summary>
    private static int RowOf(IDocument form, string bodySlug) =>
        form.QuerySelectorAll("input[type=hidden][name$='.BodySlug']").Select((input, index) => (input, index)).Single(row => row.input.GetAttribute("value") == bodySlug).index;

    /// <summary>Every row the form lists, as the browser posts them, with a meeting chosen for the bodies given.</summary>
    private static Dictionary<string, string> Fields(IDocument form, string title, params (string BodySlug, int MeetingId)[] chosen)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.Title"] = title,
            ["Input.Question"] = "Does the body agree to the proposal?",
        };
        foreach (var input in form.QuerySelectorAll("input[type=hidden][name$='.BodySlug']"))
        {
            fields[input.GetAttribute("name")!] = input.GetAttribute("value")!;
        }

        foreach (var (bodySlug, meetingId) in chosen)
        {
            fields[$"Input.Sendings[{RowOf(form, bodySlug)}].MeetingId"] = meetingId.ToString(CultureInfo.InvariantCulture);
        }

        return fields;
    }

    private static System.Security.Claims.ClaimsPrincipal ProgrammeOfficePrincipal() =>
        new(new System.Security.Claims.ClaimsIdentity(
            [new(System.Security.Claims.ClaimTypes.Name, "programme-office"), new(System.Security.Claims.ClaimTypes.Role, KentMedwayCommissioning.Web.Data.Roles.ProgrammeOffice)], "Test"));

    private Task<int> ScheduleAsync(string bodySlug, int daysAhead) =>
        app.QueryDbAsync(async db =>
        {
            var bodyId = await db.Bodies.Where(body => body.Slug == bodySlug).Select(body => body.Id).SingleAsync();
            var meeting = new Meeting(bodyId, $"Meeting in {daysAhead} days", DateTimeOffset.UtcNow.AddDays(daysAhead), "Sessions House, Maidstone");
            db.Meetings.Add(meeting);
            await db.SaveChangesAsync();
            return meeting.Id;
        });
}
