using System.Net;
using KentMedwayCommissioning.TestSupport;
using KentMedwayCommissioning.Web.Data.DemoData;
using KentMedwayCommissioning.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace KentMedwayCommissioning.IntegrationTests.Interests;

/// <summary>A member's own register of interests, kept by them.</summary>
[Collection(nameof(SharedApp))]
public sealed class RegisterOfInterestsTests(TestApp app) : IAsyncLifetime
{
    private readonly Browsing _browser = new(app);

    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static string SlugOf(string name) => Slug.From(name);

    [Fact]
    public async Task A_member_keeps_their_own_register_of_interests()
    {
        await _browser.SignInAsync(DemoAccounts.GpMember.Email, DemoAccounts.Password);
        var path = $"/people/{SlugOf(DemoAccounts.GpMember.PersonName!)}/interests";

        var response = await _browser.SubmitAsync(path, new Dictionary<string, string>
        {
            ["Input.Kind"] = nameof(InterestKind.Financial),
            ["Input.Description"] = "Partner in the Riverside Medical Practice",
            ["Input.Touches"] = "West Kent CCG; Riverside Medical Practice",
            ["Input.From"] = "2015-04-01",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await _browser.GetPageAsync(path);
        Assert.Contains("Partner in the Riverside Medical Practice", page.MainText(), StringComparison.Ordinal);
        Assert.Contains("From 1 April 2015", page.MainText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_member_cannot_write_in_someone_else_s_register()
    {
        await _browser.SignInAsync(DemoAccounts.GpMember.Email, DemoAccounts.Password);
        var path = $"/people/{SlugOf(DemoAccounts.LayMember.PersonName!)}/interests";

        var page = await _browser.GetPageAsync(path);
        Assert.Null(page.QuerySelector("form[action*=Add], button[type=submit]:not(.nhsuk-header__account-button)"));

        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var response = await _browser.Client.PostAsync(path + "?handler=Add", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.Kind"] = nameof(InterestKind.Indirect),
            ["Input.Description"] = "Written by someone else",
        }));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, await app.QueryDbAsync(db => db.Interests.CountAsync()));
    }
}
