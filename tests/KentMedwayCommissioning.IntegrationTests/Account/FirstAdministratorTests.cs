using System.Net;
using System.Text.RegularExpressions;
using KentMedwayCommissioning.IntegrationTests.Faults;
using KentMedwayCommissioning.TestSupport;
using KentMedwayCommissioning.Web.Data;
using KentMedwayCommissioning.Web.Domain;
using KentMedwayCommissioning.Web.Domain.Accounts;
using KentMedwayCommissioning.Web.Infrastructure;
using KentMedwayCommissioning.Web.Pages.Account;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KentMedwayCommissioning.IntegrationTests.Account;

/// <summary>The first administrator of an empty database: <c>create-admin</c> and the one-time link that sets a password.</summary>
[Collection(nameof(SharedApp))]
public sealed partial class FirstAdministratorTests(TestApp app) : IAsyncLifetime
{
    private const string Email = "first.admin@nhs.example";
    private const string GoodPassword = "quarry-lantern-okapi-meridian";

    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Create_admin_makes_an_administrator_with_no_password_and_a_usable_link()
    {
        var issued = await CreateAdminAsync(Email);

        Assert.True(issued.Created);
        var (account, roles, hasPassword) = await AccountAsync(Email);
        Assert.Equal([Roles.Administrator], roles);
        Assert.False(hasPassword);
        var link = await app.QueryDbAsync(db => db.AccountLinks.SingleAsync(candidate => candidate.UserId == account.Id));
        Assert.Equal(AccountLink.HashOf(issued.Token), link.TokenHash);
        Assert.Equal(AccountLinkState.Usable, link.StateAt(DateTimeOffset.UtcNow));
        Assert.Equal(link.IssuedAt + TimeSpan.FromHours(24), link.ExpiresAt);
    }

    [Fact]
    public async Task Create_admin_for_an_existing_account_gives_a_fresh_link_and_changes_nothing_else()
    {
        var first = await CreateAdminAsync(Email);
        await SetPasswordAsync(new Browsing(app), first.Token, GoodPassword);
        var (before, rolesBefore, _) = await AccountAsync(Email);

        var second = await CreateAdminAsync(Email);

        Assert.False(second.Created);
        var (after, rolesAfter, hasPassword) = await AccountAsync(Email);
        Assert.Equal(rolesBefore, rolesAfter);
        Assert.True(hasPassword);
        Assert.Equal(before.PasswordHash, after.PasswordHash);
        Assert.Equal(before.SecurityStamp, after.SecurityStamp);
        Assert.Contains("Choose your password", await LinkPageTextAsync(second.Token), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_fresh_link_ends_the_older_one()
    {
        var first = await CreateAdminAsync(Email);
        await CreateAdminAsync(Email);

        Assert.Contains("A newer link has been made", await LinkPageTextAsync(first.Token), StringComparison.Ordinal);
        var refused = await SetPasswordAsync(new Browsing(app), first.Token, GoodPassword);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.False((await AccountAsync(Email)).HasPassword);
    }

    [Fact]
    public async Task Create_admin_is_refused_to_anyone_but_the_command_line()
    {
        var administrator = await app.QueryDbAsync(db => db.Users.SingleAsync(user => user.Email == "admin@kmc.example"));
        var signedIn = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
            [new(System.Security.Claims.ClaimTypes.Name, administrator.Email!), new(System.Security.Claims.ClaimTypes.Role, Roles.Administrator)], "Test"));

        await Assert.ThrowsAsync<ForbiddenException>(() => app.SendAsAsync(signedIn, new CreateAdministrator.Command(Email)));

        Assert.Null(await app.QueryDbAsync(db => db.Users.SingleOrDefaultAsync(user => user.Email == Email)));
    }

    [Fact]
    public async Task The_link_sets_the_password_signs_the_person_in_and_works_once()
    {
        var issued = await CreateAdminAsync(Email);
        var browsing = new Browsing(app);

        var page = await browsing.GetPageAsync(LinkPath(issued.Token));
        Assert.Contains(Email, page.MainText(), StringComparison.Ordinal);
        var response = await SetPasswordAsync(browsing, issued.Token, GoodPassword);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/dashboard", response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await browsing.Client.GetAsync("/admin/accounts")).StatusCode);
        Assert.True((await AccountAsync(Email)).HasPassword);
        Assert.Contains("already been used", await LinkPageTextAsync(issued.Token), StringComparison.Ordinal);

        var again = await SetPasswordAsync(new Browsing(app), issued.Token, "another-long-passphrase-here");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var signIn = new Browsing(app);
        await signIn.SignInAsync(Email, GoodPassword);
    }

    [Fact]
    public async Task A_weak_password_is_refused_by_the_field_and_the_link_still_works()
    {
        var issued = await CreateAdminAsync(Email);

        var response = await SetPasswordAsync(new Browsing(app), issued.Token, "password1234");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Browsing.ParseAsync(response);
        Assert.NotNull(page.QuerySelector("#input-password-error"));
        Assert.NotNull(page.QuerySelector(".nhsuk-error-summary"));
        Assert.False((await AccountAsync(Email)).HasPassword);
        Assert.Contains("Choose your password", await LinkPageTextAsync(issued.Token), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_expired_link_says_so_and_changes_nothing()
    {
        var issued = await CreateAdminAsync(Email);
        await app.QueryDbAsync(db => db.AccountLinks.ExecuteUpdateAsync(set => set.SetProperty(link => link.ExpiresAt, DateTimeOffset.UtcNow.AddMinutes(-1))));

        Assert.Contains("This link has expired", await LinkPageTextAsync(issued.Token), StringComparison.Ordinal);
        await SetPasswordAsync(new Browsing(app), issued.Token, GoodPassword);
        Assert.False((await AccountAsync(Email)).HasPassword);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-real-token")]
    public async Task An_altered_link_says_it_is_not_valid_and_changes_nothing(string token)
    {
        var issued = await CreateAdminAsync(Email);
        var altered = token.Length > 0 ? token : issued.Token[..^1] + (issued.Token[^1] == 'A' ? 'B' : 'A');

        Assert.Contains("This link is not valid", await LinkPageTextAsync(altered), StringComparison.Ordinal);
        var response = await SetPasswordAsync(new Browsing(app), altered, GoodPassword);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False((await AccountAsync(Email)).HasPassword);
    }

    [Fact]
    public async Task The_audit_entry_names_the_command_line_and_keeps_no_token()
    {
        var issued = await CreateAdminAsync(Email);

        var entry = await app.QueryDbAsync(db => db.AuditEntries.SingleAsync(candidate => candidate.Command == "Account.CreateAdministrator"));
        Assert.Equal("command line", entry.Actor);
        Assert.DoesNotContain(issued.Token, entry.Request + entry.Result + entry.Changes, StringComparison.Ordinal);
        Assert.DoesNotContain(AccountLink.HashOf(issued.Token), entry.Changes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_production_the_new_administrator_is_sent_to_set_up_two_factor_authentication()
    {
        var issued = await CreateAdminAsync(Email);
        await using var production = app.Factory.WithWebHostBuilder(host => host.UseEnvironment("Production").UseSetting("AllowedHosts", "commissioning.example"));
        // Production's session cookie is Secure, so the browser speaks HTTPS.
        var browsing = new Browsing(production, new Uri("https://commissioning.example"));

        var set = await SetPasswordAsync(browsing, issued.Token, GoodPassword);
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        var dashboard = await browsing.Client.GetAsync("/dashboard");

        Assert.Equal(HttpStatusCode.Redirect, dashboard.StatusCode);
        Assert.StartsWith("/account/two-factor", dashboard.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    /// <summary>
    /// The whole first start, as processes: the app in Production on an empty database applies its migrations and loads
    /// nothing, <c>create-admin</c> prints a link, and the person who opens it sets a password and is signed in.
    /// </summary>
    [Fact]
    public async Task Production_starts_on_an_empty_database_and_the_first_administrator_signs_in_from_the_printed_link()
    {
        var connectionString = await PostgresServer.CreateDatabaseAsync("empty");
        try
        {
            await using var production = await AppProcess.StartAsync(connectionString, "Production", new Dictionary<string, string>
            {
                ["DatabaseStartup__ApplyMigrations"] = "true",
                ["PublicBaseUrl"] = "http://127.0.0.1:0",
            });
            using var visitor = new HttpClient { BaseAddress = production.BaseAddress };
            Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync("/decisions")).StatusCode);
            Assert.Contains("No programme has been recorded yet", await visitor.GetStringAsync("/programme"), StringComparison.Ordinal);
            Assert.Contains("No bodies have been added yet", await visitor.GetStringAsync("/bodies"), StringComparison.Ordinal);
            Assert.Equal(0, await CountAsync(connectionString, "users"));
            Assert.Equal(0, await CountAsync(connectionString, "people"));

            var (exitCode, output) = await production.RunCommandAsync("create-admin", Email);

            Assert.True(exitCode == 0, output);
            Assert.Contains($"Created the administrator account {Email}.", output, StringComparison.Ordinal);
            var token = PrintedLink().Match(output).Groups["token"].Value;
            Assert.NotEmpty(token);

            var cookies = new System.Net.CookieContainer();
            using var person = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = production.BaseAddress };
            var form = await Browsing.ParseAsync(await person.GetAsync(LinkPath(token)));
            var antiforgery = form.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
            var set = await person.PostAsync(LinkPath(token), new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Token"] = token,
                ["Input.Password"] = GoodPassword,
                ["__RequestVerificationToken"] = antiforgery,
            }));
            Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
            Assert.Contains(set.Headers.GetValues("Set-Cookie"), cookie => cookie.StartsWith("kmc.session=", StringComparison.Ordinal));

            var (_, again) = await production.RunCommandAsync("create-admin", Email);
            Assert.Contains("already exists; nothing about it has changed", again, StringComparison.Ordinal);
            Assert.Equal(1, await CountAsync(connectionString, "users"));
        }
        finally
        {
            await PostgresServer.DropDatabaseAsync(connectionString);
        }
    }

    [GeneratedRegex(@"/account/set-password\?token=(?<token>[A-Za-z0-9_-]+)")]
    private static partial Regex PrintedLink();

    private static string LinkPath(string token) => $"/account/set-password?token={Uri.EscapeDataString(token)}";

    private async Task<CreateAdministrator.Issued> CreateAdminAsync(string email) =>
        await app.SendAsAsync(CurrentUser.CommandLineOperator, new CreateAdministrator.Command(email));

    private async Task<string> LinkPageTextAsync(string token) =>
        (await new Browsing(app).GetPageAsync(LinkPath(token))).MainText();

    /// <summary>Posts the form as a browser would; the antiforgery token comes from the sign-in page, since a dead link's page has no form.</summary>
    private static async Task<HttpResponseMessage> SetPasswordAsync(Browsing browsing, string token, string password)
    {
        var anyForm = await browsing.GetPageAsync("/account/sign-in");
        return await browsing.Client.PostAsync(LinkPath(token), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Token"] = token,
            ["Input.Password"] = password,
            ["__RequestVerificationToken"] = anyForm.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
        }));
    }

    private async Task<(ApplicationUser Account, IList<string> Roles, bool HasPassword)> AccountAsync(string email)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var account = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No account {email}");
        return (account, await users.GetRolesAsync(account), await users.HasPasswordAsync(account));
    }

    private static async Task<long> CountAsync(string connectionString, string table)
    {
        await using var connection = new Npgsql.NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand($"SELECT count(*) FROM {table}", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
