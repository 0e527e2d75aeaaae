using System.Net;
using System.Security.Claims;
using System.Text.RegularExpressions;
using KentMedwayCommissioning.TestSupport;
using KentMedwayCommissioning.Web.Data;
using KentMedwayCommissioning.Web.Data.DemoData;
using KentMedwayCommissioning.Web.Pages.Programme;
using Microsoft.EntityFrameworkCore;

namespace KentMedwayCommissioning.IntegrationTests.Security;

/// <summary>
/// Public pages name people only where the guidance publishes them: staff appear by role. Every address a visitor can
/// open (pages, feeds, CSV, the calendar and the JSON API, found from the app's own endpoints) is read after staff have
/// changed things, and none may carry an email address.
/// </summary>
[Collection(nameof(SharedApp))]
public sealed partial class NoEmailInPublicOutputsTests(TestApp app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task No_public_page_feed_csv_calendar_or_api_answer_carries_an_email_address()
    {
        var demo = await DemoAddresses.LoadAsync(app);
        var programmeOffice = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, DemoAccounts.ProgrammeOffice.Email), new Claim(ClaimTypes.Role, Roles.ProgrammeOffice)], "Test"));
        var milestone = await app.QueryDbAsync(db => db.Milestones.SingleAsync(candidate => candidate.Id == demo.MilestoneId));
        await app.SendAsAsync(programmeOffice, new ChangeProgramme.Reforecast(demo.MilestoneId, milestone.Forecast.Date.AddDays(14), null, "Waiting for the consultation's report"));

        var visitor = new Browsing(app).Client;
        var addresses = (await AppEndpoints.DiscoverAsync(app))
            .Where(endpoint => endpoint is { Method: "GET", Handler: null } && !endpoint.Pattern.Contains('*', StringComparison.Ordinal))
            .Select(endpoint => demo.For(endpoint.Pattern))
            .Append($"/programme/milestones/{demo.MilestoneId}")
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var read = 0;
        var found = new List<string>();
        foreach (var address in addresses)
        {
            using var response = await visitor.GetAsync(address);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                continue;
            }

            read++;
            var body = await response.Content.ReadAsStringAsync();
            found.AddRange(EmailAddress().Matches(body).Select(match => $"{address}: {match.Value}"));
        }

        Assert.True(read > 30, $"only {read} public addresses answered");
        Assert.Contains("Programme office", await visitor.GetStringAsync($"/programme/milestones/{demo.MilestoneId}"), StringComparison.Ordinal);
        Assert.Empty(found);
    }

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")]
    private static partial Regex EmailAddress();
}
