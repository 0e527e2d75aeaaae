using Microsoft.EntityFrameworkCore;
using KentMedwayCommissioning.Bench.Load;
using KentMedwayCommissioning.TestSupport;
using KentMedwayCommissioning.Web.Data.DemoData;
using Microsoft.Playwright;

namespace KentMedwayCommissioning.BrowserTests;

[Collection(nameof(SharedBrowser))]
public sealed class AccountJourneyTests(BrowserApp app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetAsync();

    // These journeys lock an account and turn on two factors for another: later classes start from the demo data again.
    public Task DisposeAsync() => app.ResetAsync();

    [Fact]
    public async Task After_five_wrong_passwords_the_account_is_locked_and_the_page_says_so()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/account/sign-in");
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            await SubmitPasswordAsync(page, DemoAccounts.NurseMember.Email, $"wrong-password-number-{attempt}");
            await Assertions.Expect(page.Locator(".nhsuk-error-summary")).ToContainTextAsync("Enter a correct email address and password");
        }

        // The fifth wrong password locks the account; from then on even the right one is refused.
        await SubmitPasswordAsync(page, DemoAccounts.NurseMember.Email, "wrong-password-number-5");
        await Assertions.Expect(page.Locator(".nhsuk-error-summary")).ToContainTextAsync("This account is locked");
        await SubmitPasswordAsync(page, DemoAccounts.NurseMember.Email, DemoAccounts.Password);

        await Assertions.Expect(page.Locator(".nhsuk-error-summary")).ToContainTextAsync("This account is locked after too many failed attempts. Try again in 15 minutes.");
        Assert.Empty(await Accessibility.ViolationsAsync(page));
    }

    [Fact]
    public async Task A_member_turns_on_two_factor_authentication_and_signs_in_with_a_code()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/account/sign-in");
        await SubmitPasswordAsync(page, DemoAccounts.LayMember.Email, DemoAccounts.Password);
        await page.GetByRole(AriaRole.Link, new() { Name = "Two-factor authentication" }).ClickAsync();
        Assert.Empty(await Accessibility.ViolationsAsync(page));

        var key = await page.Locator("#authenticator-key").InnerTextAsync();
        await page.GetByLabel("Code from the app").FillAsync(Totp.Code(key, DateTimeOffset.UtcNow));
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn on two-factor authentication" }).ClickAsync();
        await Assertions.Expect(page.Locator("#recovery-codes li")).ToHaveCountAsync(10);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        await page.GotoAsync("/account/sign-in");
        await SubmitPasswordAsync(page, DemoAccounts.LayMember.Email, DemoAccounts.Password);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Enter your security code" })).ToBeVisibleAsync();
        Assert.Empty(await Accessibility.ViolationsAsync(page));
        await page.GetByLabel("Security code").FillAsync("000000" == Totp.Code(key, DateTimeOffset.UtcNow) ? "111111" : "000000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Assertions.Expect(page.Locator(".nhsuk-error-summary")).ToContainTextAsync("Enter the current 6-digit code from your authenticator app");

        await page.GetByLabel("Security code").FillAsync(Totp.Code(key, DateTimeOffset.UtcNow));
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your dashboard" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_pages_run_under_the_content_security_policy_without_a_violation()
    {
        var page = await app.NewPageAsync();
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                violations.Add($"{page.Url}: {message.Text}");
            }
        };

        foreach (var path in new[] { "/", "/decisions", "/decisions/1", "/programme", "/account/sign-in" })
        {
            await page.GotoAsync(path);
        }

        await SubmitPasswordAsync(page, DemoAccounts.BoardSecretary.Email, DemoAccounts.Password);
        var openItem = await app.QueryDbAsync(db => db.AgendaItems.Where(item => item.Title == DecisionsData.DemoOpenItem)
            .Select(item => $"/meetings/{item.MeetingId}/items/{item.Number}").SingleAsync());
        // The secretary's live tally polls with htmx every two seconds: let it swap at least once.
        var polled = page.WaitForResponseAsync(response => response.Url.Contains("handler=Tally", StringComparison.Ordinal));
        await page.GotoAsync(openItem);
        await polled;
        await Assertions.Expect(page.Locator("#tally")).ToContainTextAsync("For");

        Assert.Empty(violations);
    }

    private static async Task SubmitPasswordAsync(IPage page, string email, string password)
    {
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }
}
