using System.Net;
using KentMedwayCommissioning.Bench.Load;
using KentMedwayCommissioning.TestSupport;
using KentMedwayCommissioning.Web.Data.DemoData;
using Microsoft.AspNetCore.Mvc.Testing;

namespace KentMedwayCommissioning.IntegrationTests.Account;

/// <summary>Where two-factor authentication is required (Production's setting), a member enrols on first sign-in and then needs a code.</summary>
[Collection(nameof(SharedApp))]
public sealed class TwoFactorTests(TestApp app) : IAsyncLifetime
{
    private WebApplicationFactory<Program> _required = null!;

    public async Task InitializeAsync()
    {
        await app.ResetAsync();
        _required = app.Factory.WithWebHostBuilder(host => host.UseSetting("Authentication:RequireTwoFactor", "true"));
    }

    public async Task DisposeAsync() => await _required.DisposeAsync();

    [Fact]
    public async Task A_member_must_enrol_then_signs_in_with_a_code_or_a_recovery_code_once()
    {
        var first = new Browsing(_required);
        await first.SignInAsync(DemoAccounts.GpMember.Email, DemoAccounts.Password);

        var dashboard = await first.Client.GetAsync("/dashboard");
        Assert.Equal(HttpStatusCode.Redirect, dashboard.StatusCode);
        Assert.Equal("/account/two-factor?returnUrl=%2Fdashboard", dashboard.Headers.Location!.OriginalString);

        var setup = await first.GetPageAsync("/account/two-factor");
        var key = setup.QuerySelector("#authenticator-key")!.TextContent;
        var wrong = await Browsing.ParseAsync(await first.SubmitAsync("/account/two-factor", new Dictionary<string, string> { ["Input.Code"] = "000000" == Totp.Code(key, DateTimeOffset.UtcNow) ? "111111" : "000000" }));
        Assert.NotNull(wrong.QuerySelector(".nhsuk-error-summary"));

        var enrolled = await Browsing.ParseAsync(await first.SubmitAsync("/account/two-factor", new Dictionary<string, string> { ["Input.Code"] = Totp.Code(key, DateTimeOffset.UtcNow) }));
        var recoveryCodes = enrolled.QuerySelectorAll("#recovery-codes code").Select(code => code.TextContent).ToList();
        Assert.Equal(10, recoveryCodes.Count);
        Assert.Equal(HttpStatusCode.OK, (await first.Client.GetAsync("/dashboard")).StatusCode);

        var second = new Browsing(_required);
        var password = await second.SubmitAsync("/account/sign-in", new Dictionary<string, string> { ["Input.Email"] = DemoAccounts.GpMember.Email, ["Input.Password"] = DemoAccounts.Password });
        Assert.Equal("/account/sign-in/code", password.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await second.Client.GetAsync("/dashboard")).StatusCode);
        var code = await second.SubmitAsync("/account/sign-in/code", new Dictionary<string, string> { ["Input.Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        Assert.Equal("/dashboard", code.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await second.Client.GetAsync("/dashboard")).StatusCode);

        Assert.True(await SignInWithRecoveryCodeAsync(recoveryCodes[0]));
        Assert.False(await SignInWithRecoveryCodeAsync(recoveryCodes[0]));
    }

    [Fact]
    public async Task Programme_office_staff_who_neither_vote_nor_run_meetings_are_not_made_to_enrol()
    {
        var browsing = new Browsing(_required);
        await browsing.SignInAsync(DemoAccounts.ProgrammeOffice.Email, DemoAccounts.Password);

        Assert.Equal(HttpStatusCode.OK, (await browsing.Client.GetAsync("/dashboard")).StatusCode);
    }

    private async Task<bool> SignInWithRecoveryCodeAsync(string recoveryCode)
    {
        var browsing = new Browsing(_required);
        await browsing.SubmitAsync("/account/sign-in", new Dictionary<string, string> { ["Input.Email"] = DemoAccounts.GpMember.Email, ["Input.Password"] = DemoAccounts.Password });
        var answer = await browsing.SubmitAsync("/account/sign-in/code", new Dictionary<string, string> { ["Recovery.Code"] = recoveryCode }, formIndex: 1);
        return answer.StatusCode == HttpStatusCode.Redirect && answer.Headers.Location!.OriginalString == "/dashboard";
    }
}
