using System.Net;
using KentMedwayCommissioning.TestSupport;
using KentMedwayCommissioning.Web.Data.DemoData;
using KentMedwayCommissioning.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace KentMedwayCommissioning.IntegrationTests.Bodies;

[Collection(nameof(SharedApp))]
public sealed class EditRuleTests(TestApp app) : IAsyncLifetime
{
    private const string RulePage = "/bodies/swale-ccg/rule";
    private readonly Browsing _browser = new(app);

    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task An_administrator_records_a_body_s_own_quorum_and_majority()
    {
        await _browser.SignInAsync(DemoAccounts.Administrator.Email, DemoAccounts.Password);

        var response = await _browser.SubmitAsync(RulePage, Fields(quorum: "75", majority: "66", lay: false));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var rule = await RuleOfSwaleAsync();
        Assert.Equal(new GovernanceRule(0.75m, false, true, 0.66m, true, false), rule);
        var page = await _browser.GetPageAsync("/bodies/swale-ccg");
        Assert.Contains("How Swale CCG decides has been updated.", page.MainText(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0", "50", "Input.QuorumPercent", "Quorum must be a percentage of voting members from 1 to 100")]
    [InlineData("101", "50", "Input.QuorumPercent", "Quorum must be a percentage of voting members from 1 to 100")]
    [InlineData("50", "49", "Input.MajorityPercent", "Majority must be from 50 (a simple majority) to 99 per cent of votes for and against")]
    [InlineData("50", "100", "Input.MajorityPercent", "Majority must be from 50 (a simple majority) to 99 per cent of votes for and against")]
    [InlineData("half", "50", "Input.QuorumPercent", "'half' is not a valid value for this field")]
    [InlineData("", "50", "Input.QuorumPercent", "Enter a value")]
    public async Task Bad_input_is_explained_next_to_the_field_and_nothing_is_saved(string quorum, string majority, string field, string message)
    {
        await _browser.SignInAsync(DemoAccounts.Administrator.Email, DemoAccounts.Password);

        var response = await _browser.SubmitAsync(RulePage, Fields(quorum, majority, lay: true));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Browsing.ParseAsync(response);
        var id = field.Replace('.', '-').ToLowerInvariant();
        Assert.Equal(message, page.QuerySelector($"#{id}-error")!.TextContent.Replace("Error:", "", StringComparison.Ordinal).Trim());
        Assert.Equal(quorum, page.QuerySelector("#input-quorumpercent")!.GetAttribute("value") ?? "");
        Assert.StartsWith("Error: ", page.Title, StringComparison.Ordinal);
        Assert.Equal(GovernanceRule.Default, await RuleOfSwaleAsync());
    }

    [Fact]
    public async Task A_member_may_not_change_how_a_body_decides()
    {
        await _browser.SignInAsync(DemoAccounts.GpMember.Email, DemoAccounts.Password);

        var response = await _browser.Client.GetAsync(RulePage);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/access-denied", response.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Fields(string quorum, string majority, bool lay) => new()
    {
        ["Input.QuorumPercent"] = quorum,
        ["Input.MajorityPercent"] = majority,
        ["Input.RequiresLayMember"] = lay ? "true" : "false",
        ["Input.RequiresClinicalMember"] = "true",
        ["Input.ChairHasCastingVote"] = "true",
        ["Input.WithdrawnMembersCountTowardsQuorum"] = "false",
    };

    private Task<GovernanceRule> RuleOfSwaleAsync() =>
        app.QueryDbAsync(db => db.Bodies.Where(body => body.Slug == "swale-ccg").Select(body => body.Rule).SingleAsync());
}
