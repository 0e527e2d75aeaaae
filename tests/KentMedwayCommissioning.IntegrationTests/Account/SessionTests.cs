using System.Net;
using KentMedwayCommissioning.TestSupport;
using KentMedwayCommissioning.Web.Data.DemoData;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KentMedwayCommissioning.IntegrationTests.Account;

/// <summary>A password or role change ends the account's other sessions (the security stamp), here checked on every request.</summary>
[Collection(nameof(SharedApp))]
public sealed class SessionTests(TestApp app) : IAsyncLifetime
{
    private WebApplicationFactory<Program> _checkingEveryRequest = null!;

    public async Task InitializeAsync()
    {
        await app.ResetAsync();
        _checkingEveryRequest = app.Factory.WithWebHostBuilder(host => host.ConfigureTestServices(services =>
            services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.Zero)));
    }

    public async Task DisposeAsync()
    {
        await _checkingEveryRequest.DisposeAsync();
        await app.ResetAsync();
    }

    [Fact]
    public async Task Changing_the_password_ends_other_sessions_but_not_this_one()
    {
        var here = new Browsing(_checkingEveryRequest);
        var elsewhere = new Browsing(_checkingEveryRequest);
        await here.SignInAsync(DemoAccounts.NurseMember.Email, DemoAccounts.Password);
        await elsewhere.SignInAsync(DemoAccounts.NurseMember.Email, DemoAccounts.Password);

        var common = await Browsing.ParseAsync(await here.SubmitAsync("/account/password", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = DemoAccounts.Password,
            ["Input.NewPassword"] = "Password2024!",
        }));
        var changed = await here.SubmitAsync("/account/password", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = DemoAccounts.Password,
            ["Input.NewPassword"] = "lantern orbit pebble harbour",
        });

        Assert.Contains("too easy to guess", common.QuerySelector(".nhsuk-error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("/dashboard", changed.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await here.Client.GetAsync("/dashboard")).StatusCode);
        var signedOut = await elsewhere.Client.GetAsync("/dashboard");
        Assert.Equal("/account/sign-in", signedOut.Headers.Location!.AbsolutePath);
        await new Browsing(_checkingEveryRequest).SignInAsync(DemoAccounts.NurseMember.Email, "lantern orbit pebble harbour");
    }

    [Fact]
    public async Task An_administrator_changing_someone_s_roles_ends_their_sessions()
    {
        var member = new Browsing(_checkingEveryRequest);
        await member.SignInAsync(DemoAccounts.LayMember.Email, DemoAccounts.Password);
        var admin = new Browsing(_checkingEveryRequest);
        await admin.SignInAsync(DemoAccounts.Administrator.Email, DemoAccounts.Password);
        var layMember = await app.QueryDbAsync(db => db.Users.SingleAsync(user => user.Email == DemoAccounts.LayMember.Email));

        var saved = await admin.SubmitAsync($"/admin/accounts/{layMember.Id}", new Dictionary<string, string> { ["Roles"] = "Member" });

        Assert.Equal("/admin/accounts", saved.Headers.Location!.OriginalString);
        Assert.Equal("/account/sign-in", (await member.Client.GetAsync("/dashboard")).Headers.Location!.AbsolutePath);
    }
}
