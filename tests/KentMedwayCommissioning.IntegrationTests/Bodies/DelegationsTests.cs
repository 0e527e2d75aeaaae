using System.Globalization;
using System.Net;
using KentMedwayCommissioning.TestSupport;
using KentMedwayCommissioning.Web.Data.DemoData;
using KentMedwayCommissioning.Web.Domain.Programme;
using Microsoft.EntityFrameworkCore;

namespace KentMedwayCommissioning.IntegrationTests.Bodies;

[Collection(nameof(SharedApp))]
public sealed class DelegationsTests(TestApp app) : IAsyncLifetime
{
    private const string Committee = "joint-committee-of-clinical-commissioning-groups";
    private const string WestKent = "west-kent-ccg";
    private const string SingleCcg = "kent-and-medway-ccg";
    private const int EndForm = 1;
    private readonly Browsing _browser = new(app);

    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_recorded_delegation_shows_on_the_committee_s_page_with_its_decision_and_the_reason_in_history()
    {
        await _browser.SignInAsync(DemoAccounts.Administrator.Email, DemoAccounts.Password);
        var (functionId, function) = await FunctionAsync();
        var sequence = await app.QueryDbAsync(db => db.PublishedDecisions.Select(decision => decision.Sequence).FirstAsync());

        var response = await _browser.SubmitAsync(Page(Committee), RecordFields(WestKent, functionId, "2019-04-01", sequence.ToString(CultureInfo.InvariantCulture), "Delegated by the governing body"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await _browser.GetPageAsync($"/bodies/{Committee}");
        var today = TableCaptioned(page, "Delegated today");
        Assert.Contains(function, today, StringComparison.Ordinal);
        Assert.Contains("West Kent CCG", today, StringComparison.Ordinal);
        Assert.Contains("From 1 April 2019", today, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector($"main a[href='/decisions/{sequence}']"));
        var history = page.QuerySelectorAll("table")[^1].TextContent;
        Assert.Contains($"Function delegated by West Kent CCG: {function}", history, StringComparison.Ordinal);
        Assert.Contains("Delegated by the governing body", history, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_ended_delegation_stays_on_the_page_with_its_dates()
    {
        await _browser.SignInAsync(DemoAccounts.Administrator.Email, DemoAccounts.Password);
        var (functionId, function) = await FunctionAsync();
        await _browser.SubmitAsync(Page(Committee), RecordFields(WestKent, functionId, "2019-04-01", "", "Delegated"));
        var delegationId = await app.QueryDbAsync(db => db.Delegations.Select(delegation => delegation.Id).SingleAsync());

        var response = await _browser.SubmitAsync(Page(Committee), EndFields(delegationId, "2020-03-31", "The CCG merged"), EndForm);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await _browser.GetPageAsync($"/bodies/{Committee}");
        var past = TableCaptioned(page, "Past and future delegations");
        Assert.Contains(function, past, StringComparison.Ordinal);
        Assert.Contains("1 April 2019 to 31 March 2020", past, StringComparison.Ordinal);
        Assert.Contains($"Delegation by West Kent CCG ended: {function}", page.QuerySelectorAll("table")[^1].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_function_cannot_be_delegated_by_the_same_body_over_an_overlapping_period()
    {
        await _browser.SignInAsync(DemoAccounts.Administrator.Email, DemoAccounts.Password);
        var (functionId, _) = await FunctionAsync();
        await _browser.SubmitAsync(Page(Committee), RecordFields(WestKent, functionId, "2019-04-01", "", "Delegated"));

        await AssertRefusedAsync(RecordFields(WestKent, functionId, "2019-06-01", "", "Again"), "recording-from", "West Kent CCG already delegates this function from 1 April 2019", formIndex: 0);
    }

    [Fact]
    public async Task A_body_cannot_delegate_from_a_day_it_is_not_a_member()
    {
        await _browser.SignInAsync(DemoAccounts.Administrator.Email, DemoAccounts.Password);
        await _browser.SubmitAsync($"/bodies/{Committee}/members", new Dictionary<string, string>
        {
            ["Adding.MemberSlug"] = SingleCcg,
            ["Adding.From"] = "2020-04-01",
            ["Adding.Reason"] = "Joined on the merger",
        });
        var (functionId, _) = await FunctionAsync();

        await AssertRefusedAsync(RecordFields(SingleCcg, functionId, "2020-03-01", "", "Too early"), "recording-from", "Kent and Medway CCG is not a member of the committee on 1 March 2020", formIndex: 0);
    }

    [Theory]
    [InlineData(SingleCcg, "2019-04-01", "", "A reason", "recording-memberslug", "Choose a member body of the committee from the list")]
    [InlineData(WestKent, "2019-04-01", "999999", "A reason", "recording-decisionsequence", "There is no published decision 999999")]
    [InlineData(WestKent, "", "", "A reason", "recording-from", "Enter the day the delegation starts")]
    [InlineData(WestKent, "2019-04-01", "", "", "recording-reason", "Say why: the reason is kept in the committee's history")]
    public async Task A_bad_delegation_is_refused_by_the_field_and_writes_nothing(string member, string from, string decision, string reason, string fieldId, string message)
    {
        await _browser.SignInAsync(DemoAccounts.Administrator.Email, DemoAccounts.Password);
        var (functionId, _) = await FunctionAsync();

        await AssertRefusedAsync(RecordFields(member, functionId, from, decision, reason), fieldId, message, formIndex: 0);
    }

    [Fact]
    public async Task A_delegation_cannot_end_before_it_began()
    {
        await _browser.SignInAsync(DemoAccounts.Administrator.Email, DemoAccounts.Password);
        var (functionId, _) = await FunctionAsync();
        await _browser.SubmitAsync(Page(Committee), RecordFields(WestKent, functionId, "2019-04-01", "", "Delegated"));
        var delegationId = await app.QueryDbAsync(db => db.Delegations.Select(delegation => delegation.Id).SingleAsync());

        await AssertRefusedAsync(EndFields(delegationId, "2019-03-31", "Ended"), "ending-lastday", "The last day cannot be before the delegation began (1 April 2019)", EndForm);
    }

    private static string Page(string slug) => $"/bodies/{slug}/delegations";

    /// <summary>A function on the programme's list (the demo allocates none; the programme office does, at /programme/functions).</summary>
    private Task<(int Id, string Function)> FunctionAsync() =>
        app.QueryDbAsync(async db =>
        {
            var levelId = await db.CommissioningLevels.OrderBy(level => level.Order).Select(level => level.Id).FirstAsync();
            var function = new FunctionAllocation("Urgent and emergency care", levelId, "Co-design workshop", null);
            db.FunctionAllocations.Add(function);
            await db.SaveChangesAsync();
            return (function.Id, function.Function);
        });

    private static string TableCaptioned(AngleSharp.Dom.IDocument page, string caption) =>
        page.QuerySelectorAll("table").Single(table => table.QuerySelector("caption")?.TextContent == caption).TextContent;

    private async Task AssertRefusedAsync(Dictionary<string, string> fields, string fieldId, string messageStart, int formIndex)
    {
        var delegations = await app.QueryDbAsync(db => db.Delegations.Select(delegation => new { delegation.Id, delegation.To }).ToListAsync());
        var changes = await app.QueryDbAsync(db => db.BodyChanges.CountAsync());

        var response = await _browser.SubmitAsync(Page(Committee), fields, formIndex);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Browsing.ParseAsync(response);
        Assert.StartsWith(messageStart, page.QuerySelector($"#{fieldId}-error")!.TextContent.Replace("Error:", "", StringComparison.Ordinal).Trim(), StringComparison.Ordinal);
        Assert.StartsWith("Error: ", page.Title, StringComparison.Ordinal);
        Assert.Equal(delegations, await app.QueryDbAsync(db => db.Delegations.Select(delegation => new { delegation.Id, delegation.To }).ToListAsync()));
        Assert.Equal(changes, await app.QueryDbAsync(db => db.BodyChanges.CountAsync()));
    }

    private static Dictionary<string, string> RecordFields(string memberSlug, int functionId, string from, string decision, string reason) => new()
    {
        ["Recording.MemberSlug"] = memberSlug,
        ["Recording.FunctionId"] = functionId.ToString(CultureInfo.InvariantCulture),
        ["Recording.From"] = from,
        ["Recording.DecisionSequence"] = decision,
        ["Recording.Reason"] = reason,
    };

    private static Dictionary<string, string> EndFields(int delegationId, string lastDay, string reason) => new()
    {
        ["Ending.DelegationId"] = delegationId.ToString(CultureInfo.InvariantCulture),
        ["Ending.LastDay"] = lastDay,
        ["Ending.Reason"] = reason,
    };
}
