using System.Net;
using KentMedwayCommissioning.TestSupport;
using KentMedwayCommissioning.Web.Data.DemoData;
using KentMedwayCommissioning.Web.Domain;
using KentMedwayCommissioning.Web.Domain.Programme;
using KentMedwayCommissioning.Web.Infrastructure;
using KentMedwayCommissioning.Web.Pages.Programme;
using KentMedwayCommissioning.Web.Pages.Shared;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace KentMedwayCommissioning.IntegrationTests.Programme;

[Collection(nameof(SharedApp))]
public sealed class ProgrammeTests(TestApp app) : IAsyncLifetime
{
    private readonly Browsing _browser = new(app);

    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private Task<int> ShadowFormIdAsync() =>
        app.QueryDbAsync(db => db.Milestones.Where(milestone => milestone.Title == ProgrammeData.ShadowForm).Select(milestone => milestone.Id).SingleAsync());

    [Fact]
    public async Task Anyone_reads_the_programme_with_the_shadow_form_slippage_the_papers_give()
    {
        var page = await _browser.GetPageAsync("/programme");

        var shadow = page.QuerySelectorAll("#milestones tbody tr").Single(row => row.TextContent.Contains(ProgrammeData.ShadowForm, StringComparison.Ordinal));
        Assert.Contains("April 2018", shadow.TextContent, StringComparison.Ordinal);
        Assert.Contains("summer 2019", shadow.TextContent, StringComparison.Ordinal);
        Assert.Contains("15 months later", shadow.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("svg[role=img][aria-labelledby=timeline-heading]"));

        // Its forecast (summer 2019) has passed without it being done: overdue, with the days, and never "No slippage".
        Assert.Contains("Overdue", shadow.QuerySelector(".nhsuk-tag")!.TextContent, StringComparison.Ordinal);
        Assert.Matches(@"15 months later; overdue by [\d,]+ days", shadow.TextContent);
        Assert.DoesNotContain(page.QuerySelectorAll("#milestones tbody tr"), row => row.TextContent.Contains("No slippage", StringComparison.Ordinal) && row.QuerySelector(".nhsuk-tag--red") is not null);
        // The programme ran 2018 to 2020: the axis spans those years and today, long after, is said in words instead.
        Assert.Contains("is after the timeline, which runs from 1 January 2018 to 31 December 2020, so it is not marked", page.QuerySelector("#timeline-key")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["2018", "2019", "2020", "2021"], page.QuerySelectorAll(".kmc-timeline svg > g > text[text-anchor=middle]").Select(label => label.TextContent));

        var milestone = await _browser.GetPageAsync($"/programme/milestones/{await ShadowFormIdAsync()}");
        Assert.Contains("Progress slowed down in the previous six to eight months", milestone.MainText(), StringComparison.Ordinal);
        Assert.Null(milestone.QuerySelector("form[action*=Reforecast], #reforecast"));
    }

    [Fact]
    public async Task The_merger_is_approved_subject_to_conditions_from_the_papers()
    {
        var page = await _browser.GetPageAsync($"/programme/mergers/{KentMedwayCommissioning.Web.Domain.Slug.From(ProgrammeData.Merger)}");

        Assert.Contains("Approved subject to conditions", page.QuerySelector("#approval")!.TextContent, StringComparison.Ordinal);
        var conditions = page.QuerySelectorAll("#conditions ~ table tbody tr").Select(row => row.TextContent).ToList();
        Assert.Contains(conditions, row => row.Contains("Appoint an Accountable Officer", StringComparison.Ordinal) && row.Contains("Not met", StringComparison.Ordinal));
        Assert.Contains(conditions, row => row.Contains("Appoint a Chief Financial Officer", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Only_the_programme_office_changes_the_programme()
    {
        var id = await ShadowFormIdAsync();
        var command = new ChangeProgramme.Reforecast(id, new DateOnly(2030, 1, 1), null, "Testing");

        await Assert.ThrowsAsync<ForbiddenException>(() => app.SendAsAsync(TestApp.Member(1), command));
        await Assert.ThrowsAsync<ForbiddenException>(() => app.SendAsAsync(TestApp.Secretary(1), command));

        var changes = await app.QueryDbAsync(db => db.ForecastChanges.CountAsync());
        Assert.Equal(1, changes);
    }

    [Fact]
    public async Task The_programme_office_re_forecasts_with_a_reason_and_the_history_keeps_who_and_why()
    {
        await _browser.SignInAsync(DemoAccounts.ProgrammeOffice.Email, DemoAccounts.Password);
        var id = await ShadowFormIdAsync();

        var refused = await _browser.SubmitAsync($"/programme/milestones/{id}", new Dictionary<string, string> { ["Input.Forecast"] = "2019-10-01", ["Input.Reason"] = "" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Say why the forecast has changed", (await Browsing.ParseAsync(refused)).QuerySelector("#input-reason-error")!.TextContent, StringComparison.Ordinal);

        var response = await _browser.SubmitAsync($"/programme/milestones/{id}", new Dictionary<string, string>
        {
            ["Input.Forecast"] = "2019-10-01",
            ["Input.AsReported"] = "autumn 2019",
            ["Input.Reason"] = "The steering group needs another cycle",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var history = await app.QueryDbAsync(db => db.ForecastChanges.Where(change => change.MilestoneId == id).OrderBy(change => change.Id).ToListAsync());
        Assert.Equal(["summer 2019", "autumn 2019"], history.Select(change => change.Forecast.ToString()));
        // The history is public, so it names the role; the audit log keeps who it was.
        Assert.Equal("Programme office", history[^1].ChangedBy);
        var audit = await app.QueryDbAsync(db => db.AuditEntries.Where(entry => entry.Command == "Programme.ChangeProgramme.Reforecast").ToListAsync());
        Assert.Equal(DemoAccounts.ProgrammeOffice.Email, Assert.Single(audit).Actor);
    }

    [Fact]
    public async Task The_forecast_history_cannot_be_rewritten_in_the_database()
    {
        var error = await Assert.ThrowsAsync<PostgresException>(() => app.QueryDbAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE forecast_changes SET reason = 'rewritten'")));

        Assert.Contains("append-only", error.MessageText, StringComparison.Ordinal);
    }
}

[Collection(nameof(SharedApp))]
public sealed class ProgrammeDashboardTests(TestApp app)
{
    [Fact]
    public async Task The_programme_office_dashboard_lists_what_needs_attention()
    {
        var browser = new Browsing(app);
        await browser.SignInAsync(DemoAccounts.ProgrammeOffice.Email, DemoAccounts.Password);

        var text = (await browser.GetPageAsync("/dashboard")).MainText();

        Assert.Contains($"{ProgrammeData.ShadowForm} Overdue", text, StringComparison.Ordinal);
        Assert.Contains("Appoint a Chief Financial Officer", text, StringComparison.Ordinal);
        Assert.Contains("Establish a strategic commissioner and share a single senior management team with one accountable officer (1 body has not decided)", text, StringComparison.Ordinal);
        Assert.Contains("Stroke review: three hyper acute stroke units and where they should be (1 body has not decided)", text, StringComparison.Ordinal);
        Assert.Contains("posts are vacant", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_member_s_dashboard_has_no_programme_section()
    {
        var browser = new Browsing(app);
        await browser.SignInAsync(DemoAccounts.GpMember.Email, DemoAccounts.Password);

        var page = await browser.GetPageAsync("/dashboard");

        Assert.Null(page.QuerySelector("#programme-watch"));
    }
}

[Collection(nameof(SharedApp))]
public sealed class ConsultationTests(TestApp app)
{
    [Fact]
    public async Task The_stroke_consultation_ran_ten_weeks_and_the_joint_committee_decides_after_it()
    {
        var page = await new Browsing(app).GetPageAsync("/programme/consultations/kent-and-medway-stroke-review-consultation");

        var text = page.MainText();
        Assert.Contains("From Friday 2 February 2018 to midnight on Friday 13 April 2018 (10 weeks)", text, StringComparison.Ordinal);
        Assert.Contains("Joint Committee of Clinical Commissioning Groups, after the consultation", text, StringComparison.Ordinal);
        Assert.Contains("autumn 2018", text, StringComparison.Ordinal);
        Assert.Contains("The papers do not list the five options.", text, StringComparison.Ordinal);
    }
}

[Collection(nameof(SharedApp))]
public sealed class ContractsTests(TestApp app) : IAsyncLifetime
{
    private readonly Browsing _browser = new(app);

    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_programme_office_adds_a_contract_and_sees_when_it_must_be_recommissioned()
    {
        await _browser.SignInAsync(DemoAccounts.ProgrammeOffice.Email, DemoAccounts.Password);

        var bad = await _browser.SubmitAsync("/programme/contracts", new Dictionary<string, string>
        {
            ["Input.BodySlug"] = "swale-ccg", ["Input.Service"] = "", ["Input.Provider"] = "Provider", ["Input.Value"] = "lots", ["Input.StartedOn"] = "2019-04-01",
        });
        var badPage = await Browsing.ParseAsync(bad);
        Assert.Contains(Pounds.Refusal, badPage.QuerySelector("#input-value-error")!.TextContent, StringComparison.Ordinal);

        var response = await _browser.SubmitAsync("/programme/contracts", new Dictionary<string, string>
        {
            ["Input.BodySlug"] = "swale-ccg", ["Input.Service"] = "Diabetes care", ["Input.Provider"] = "A provider", ["Input.Value"] = "£900,000", ["Input.StartedOn"] = "2019-04-01",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(900_000m, await app.QueryDbAsync(db => db.Contracts.Where(contract => contract.Service == "Diabetes care").Select(contract => contract.Value).SingleAsync()));
        var row = (await _browser.GetPageAsync("/programme/contracts")).QuerySelectorAll("#contracts tbody tr").Single(candidate => candidate.TextContent.Contains("Diabetes care", StringComparison.Ordinal));
        Assert.Contains("1 April 2024", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Overdue", row.TextContent, StringComparison.Ordinal);

        var dashboard = (await _browser.GetPageAsync("/dashboard")).MainText();
        Assert.Contains("Community services (demo)", dashboard, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_contract_twice_is_refused_with_a_message_on_the_page()
    {
        await _browser.SignInAsync(DemoAccounts.ProgrammeOffice.Email, DemoAccounts.Password);
        var contract = new Dictionary<string, string>
        {
            ["Input.BodySlug"] = "swale-ccg", ["Input.Service"] = "Diabetes care", ["Input.Provider"] = "A provider", ["Input.Value"] = "900000", ["Input.StartedOn"] = "2019-04-01",
        };
        Assert.Equal(HttpStatusCode.Redirect, (await _browser.SubmitAsync("/programme/contracts", contract)).StatusCode);

        var again = await _browser.SubmitAsync("/programme/contracts", new Dictionary<string, string>(contract) { ["Input.Service"] = " diabetes care " });

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("The register already holds diabetes care from A provider, starting 1 April 2019: it is not added twice.", (await Browsing.ParseAsync(again)).QuerySelector(".nhsuk-error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(1, await app.QueryDbAsync(db => db.Contracts.CountAsync(candidate => candidate.Service == "Diabetes care")));
    }

    [Fact]
    public async Task A_member_cannot_add_to_the_register()
    {
        await Assert.ThrowsAsync<ForbiddenException>(() => app.SendAsAsync(TestApp.Member(1), new ContractsModel.AddContract("swale-ccg", "Diabetes care", "A provider", 900_000m, new DateOnly(2019, 4, 1))));

        Assert.Equal(1, await app.QueryDbAsync(db => db.Contracts.CountAsync()));
    }

    [Fact]
    public async Task The_register_needs_a_signed_in_user()
    {
        var response = await _browser.Client.GetAsync("/programme/contracts");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }
}

[Collection(nameof(SharedApp))]
public sealed class FunctionAllocationTests(TestApp app) : IAsyncLifetime
{
    private readonly Browsing _browser = new(app);

    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_levels_carry_the_population_ranges_the_papers_give()
    {
        var levels = (await _browser.GetPageAsync("/programme/functions")).QuerySelectorAll("#levels tbody tr").Select(row => row.TextContent).ToList();

        Assert.Equal(5, levels.Count);
        Assert.Contains(levels, row => row.Contains("Sub-system", StringComparison.Ordinal) && row.Contains("250,000 to 750,000", StringComparison.Ordinal));
        Assert.Contains(levels, row => row.Contains("Primary Care Network", StringComparison.Ordinal) && row.Contains("30,000 to 50,000", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_function_sits_at_one_level_and_allocating_it_again_moves_it()
    {
        var levels = await app.QueryDbAsync(db => db.CommissioningLevels.OrderBy(level => level.Order).Select(level => level.Id).ToListAsync());
        var office = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
            [new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.Name, "office"), new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.Role, KentMedwayCommissioning.Web.Data.Roles.ProgrammeOffice)], "Test"));

        await app.SendAsAsync(office, new FunctionsModel.Allocate("Acute contracting", levels[0], "Co-design workshop", new DateOnly(2018, 3, 15)));
        await app.SendAsAsync(office, new FunctionsModel.Allocate(" Acute contracting ", levels[1], "Stakeholder survey", null));

        var allocation = await app.QueryDbAsync(db => db.FunctionAllocations.SingleAsync());
        Assert.Equal((levels[1], "Stakeholder survey"), (allocation.LevelId, allocation.DecidedBy));
        await Assert.ThrowsAsync<ForbiddenException>(() => app.SendAsAsync(TestApp.Member(1), new FunctionsModel.Allocate("Primary care", levels[2], "Workshop", null)));
    }
}
