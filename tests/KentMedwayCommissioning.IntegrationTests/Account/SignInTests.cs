using System.Net;
using KentMedwayCommissioning.TestSupport;
using KentMedwayCommissioning.Web.Data.DemoData;

namespace KentMedwayCommissioning.IntegrationTests.Account;

[Collection(nameof(SharedApp))]
public sealed class SignInTests(TestApp app) : IAsyncLifetime
{
    private readonly Browsing _browser = new(app);

    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_demo_member_signs_in_and_sees_the_bodies_they_sit_on()
    {
        await _browser.SignInAsync(DemoAccounts.GpMember.Email, DemoAccounts.Password);

        var dashboard = await _browser.GetPageAsync("/dashboard");

        Assert.Contains($"Signed in as {DemoAccounts.GpMember.DisplayName}", dashboard.MainText(), StringComparison.Ordinal);
        Assert.Contains($"{DemoAccounts.Body}: GP member, voting", dashboard.MainText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_password_gets_one_message_that_does_not_say_which_part_was_wrong()
    {
        var response = await _browser.SubmitAsync("/account/sign-in", new Dictionary<string, string>
        {
            ["Input.Email"] = DemoAccounts.GpMember.Email,
            ["Input.Password"] = "not the password at all",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Browsing.ParseAsync(response);
        Assert.Equal("Enter a correct email address and password.", page.QuerySelector("#input-email-error")!.TextContent.Replace("Error:", "", StringComparison.Ordinal).Trim());
        Assert.NotNull(page.QuerySelector(".nhsuk-error-summary a[href='#input-email']"));
    }

    [Fact]
    public async Task Missing_fields_are_named_next_to_each_field()
    {
        var response = await _browser.SubmitAsync("/account/sign-in", new Dictionary<string, string>
        {
            ["Input.Email"] = "",
            ["Input.Password"] = "",
        });

        var page = await Browsing.ParseAsync(response);
        Assert.Contains("Enter your email address", page.QuerySelector("#input-email-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Enter your password", page.QuerySelector("#input-password-error")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Five_failed_attempts_lock_the_account()
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await _browser.SubmitAsync("/account/sign-in", new Dictionary<string, string>
            {
                ["Input.Email"] = DemoAccounts.LayMember.Email,
                ["Input.Password"] = "wrong password " + attempt,
            });
        }

        var response = await _browser.SubmitAsync("/account/sign-in", new Dictionary<string, string>
        {
            ["Input.Email"] = DemoAccounts.LayMember.Email,
            ["Input.Password"] = DemoAccounts.Password,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("locked", (await Browsing.ParseAsync(response)).MainText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_return_address_elsewhere_is_not_followed()
    {
        var response = await _browser.SubmitAsync("/account/sign-in?returnUrl=https%3A%2F%2Fevil.example%2F", new Dictionary<string, string>
        {
            ["Input.Email"] = DemoAccounts.GpMember.Email,
            ["Input.Password"] = DemoAccounts.Password,
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/dashboard", response.Headers.Location!.OriginalString);
    }
}
