using System.Net;
using KentMedwayCommissioning.TestSupport;
using KentMedwayCommissioning.Web.Data.DemoData;
using Microsoft.EntityFrameworkCore;

namespace KentMedwayCommissioning.IntegrationTests.Bodies;

[Collection(nameof(SharedApp))]
public sealed class MembersTests(TestApp app) : IAsyncLifetime
{
    private const string Committee = "joint-committee-of-clinical-commissioning-groups";
    private const string SingleCcg = "kent-and-medway-ccg";
    private const string WestKent = "west-kent-ccg";
    private const string Bexley = "bexley-ccg";
    private const int EndForm = 1;
    private readonly Browsing _browser = new(app);

    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task An_added_member_body_shows_on_the_committee_s_page_with_its_date_and_the_reason_in_history()
    {
        await _browser.SignInAsync(DemoAccounts.Administrator.Email, DemoAccounts.Password);

        var response = await _browser.SubmitAsync(MembersPage(Committee), AddFields(SingleCcg, "2020-04-01", "Joined on the merger"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await _browser.GetPageAsync($"/bodies/{Committee}");
        Assert.Contains("The member body has been added.", page.MainText(), StringComparison.Ordinal);
        var current = page.QuerySelector("table")!.TextContent;
        Assert.Contains("Kent and Medway CCG", current, StringComparison.Ordinal);
        Assert.Contains("From 1 April 2020", current, StringComparison.Ordinal);
        var history = page.QuerySelectorAll("table")[^1].TextContent;
        Assert.Contains("Member body added: Kent and Medway CCG", history, StringComparison.Ordinal);
        Assert.Contains("Joined on the merger", history, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_ended_membership_stays_on_the_page_as_a_past_member_with_its_dates()
    {
        await _browser.SignInAsync(DemoAccounts.Administrator.Email, DemoAccounts.Password);
        var bexley = await MembershipIdAsync(Bexley);

        var response = await _browser.SubmitAsync(MembersPage(Committee), EndFields(bexley, "2021-03-31", "Left the committee"), EndForm);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(new DateOnly(2021, 3, 31), await app.QueryDbAsync(db => db.JointCommitteeMembers.Where(member => member.Id == bexley).Select(member => member.To).SingleAsync()));
        var page = await _browser.GetPageAsync($"/bodies/{Committee}");
        var past = page.QuerySelectorAll("table").Single(table => table.QuerySelector("caption")!.TextContent == "Past and future member bodies").TextContent;
        Assert.Contains("Bexley CCG", past, StringComparison.Ordinal);
        Assert.Contains("Until 31 March 2021", past, StringComparison.Ordinal);
        Assert.DoesNotContain("Bexley CCG", page.QuerySelector("table")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Member body left: Bexley CCG", page.QuerySelectorAll("table")[^1].TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "2020-04-01", "A reason", "adding-memberslug", "Choose the member body")]
    [InlineData(Committee, "2020-04-01", "A reason", "adding-memberslug", "A joint committee cannot be a member of itself")]
    [InlineData("medway-ccg", "2019-01-01", "A reason", "adding-from", "Medway CCG is already a member (until 31 March 2020)")]
    [InlineData(Bexley, "2019-01-01", "A reason", "adding-from", "Bexley CCG is already a member (undated, as the papers give it)")]
    [InlineData("medway-ccg", "2020-05-01", "A reason", "adding-from", "Medway CCG ended on 31 March 2020, before that day")]
    [InlineData(SingleCcg, "", "A reason", "adding-from", "Enter the day its membership starts")]
    [InlineData(SingleCcg, "2020-04-01", "", "adding-reason", "Say why: the reason is kept in the committee's history")]
    public async Task A_bad_member_body_is_refused_by_the_field_and_writes_nothing(string member, string from, string reason, string fieldId, string message)
    {
        await _browser.SignInAsync(DemoAccounts.Administrator.Email, DemoAccounts.Password);

        await AssertRefusedAsync(AddFields(member, from, reason), fieldId, message, formIndex: 0);
    }

    [Fact]
    public async Task A_body_that_is_not_a_joint_committee_shows_no_form_and_refuses_a_member_sent_anyway()
    {
        await _browser.SignInAsync(DemoAccounts.Administrator.Email, DemoAccounts.Password);
        var page = await _browser.GetPageAsync(MembersPage(WestKent));
        Assert.Empty(page.QuerySelectorAll("main form"));
        var memberships = await app.QueryDbAsync(db => db.JointCommitteeMembers.CountAsync());

        var fields = AddFields(SingleCcg, "2020-04-01", "A reason");
        fields["__RequestVerificationToken"] = await TokenAsync();
        var response = await _browser.Client.PostAsync(MembersPage(WestKent), new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var refused = await Browsing.ParseAsync(response);
        Assert.Contains("West Kent CCG is not a joint committee, so no body can be a member of it", refused.QuerySelector(".nhsuk-error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(memberships, await app.QueryDbAsync(db => db.JointCommitteeMembers.CountAsync()));
    }

    [Fact]
    public async Task A_membership_cannot_end_before_it_began()
    {
        await _browser.SignInAsync(DemoAccounts.Administrator.Email, DemoAccounts.Password);
        await _browser.SubmitAsync(MembersPage(Committee), AddFields(SingleCcg, "2020-04-01", "Joined on the merger"));
        var single = await MembershipIdAsync(SingleCcg);

        await AssertRefusedAsync(EndFields(single, "2020-03-01", "Left"), "ending-lastday", "The last day cannot be before the membership began (1 April 2020)", EndForm);

        Assert.Null(await app.QueryDbAsync(db => db.JointCommitteeMembers.Where(member => member.Id == single).Select(member => member.To).SingleAsync()));
    }

    [Fact]
    public async Task A_body_may_rejoin_after_its_membership_ended()
    {
        await _browser.SignInAsync(DemoAccounts.Administrator.Email, DemoAccounts.Password);
        await _browser.SubmitAsync(MembersPage(Committee), AddFields(SingleCcg, "2020-04-01", "Joined on the merger"));
        await _browser.SubmitAsync(MembersPage(Committee), EndFields(await MembershipIdAsync(SingleCcg), "2021-03-31", "Stood down"), EndForm);

        var response = await _browser.SubmitAsync(MembersPage(Committee), AddFields(SingleCcg, "2021-04-01", "Rejoined"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(2, await app.QueryDbAsync(db => db.JointCommitteeMembers.CountAsync(member => member.MemberBody.Slug == SingleCcg)));
    }

    [Fact]
    public async Task A_secretary_cannot_reach_the_member_bodies_page()
    {
        await _browser.SignInAsync(DemoAccounts.BoardSecretary.Email, DemoAccounts.Password);

        var response = await _browser.Client.GetAsync(MembersPage(Committee));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/access-denied", response.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
    }

    private static string MembersPage(string slug) => $"/bodies/{slug}/members";

    private Task<int> MembershipIdAsync(string memberSlug) =>
        app.QueryDbAsync(db => db.JointCommitteeMembers.Where(member => member.Committee.Slug == Committee && member.MemberBody.Slug == memberSlug && member.To == null).Select(member => member.Id).SingleAsync());

    private async Task<string> TokenAsync() =>
        (await _browser.GetPageAsync(MembersPage(Committee))).QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

    private async Task AssertRefusedAsync(Dictionary<string, string> fields, string fieldId, string messageStart, int formIndex)
    {
        var memberships = await app.QueryDbAsync(db => db.JointCommitteeMembers.Select(member => new { member.Id, member.To }).ToListAsync());
        var changes = await app.QueryDbAsync(db => db.BodyChanges.CountAsync());

        var response = await _browser.SubmitAsync(MembersPage(Committee), fields, formIndex);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Browsing.ParseAsync(response);
        Assert.StartsWith(messageStart, page.QuerySelector($"#{fieldId}-error")!.TextContent.Replace("Error:", "", StringComparison.Ordinal).Trim(), StringComparison.Ordinal);
        Assert.StartsWith("Error: ", page.Title, StringComparison.Ordinal);
        Assert.Equal(memberships, await app.QueryDbAsync(db => db.JointCommitteeMembers.Select(member => new { member.Id, member.To }).ToListAsync()));
        Assert.Equal(changes, await app.QueryDbAsync(db => db.BodyChanges.CountAsync()));
    }

    private static Dictionary<string, string> AddFields(string memberSlug, string from, string reason) => new()
    {
        ["Adding.MemberSlug"] = memberSlug,
        ["Adding.From"] = from,
        ["Adding.Reason"] = reason,
    };

    private static Dictionary<string, string> EndFields(int membershipId, string lastDay, string reason) => new()
    {
        ["Ending.MembershipId"] = membershipId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Ending.LastDay"] = lastDay,
        ["Ending.Reason"] = reason,
    };
}
