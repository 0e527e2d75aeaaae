using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using KentMedwayCommissioning.TestSupport;
using KentMedwayCommissioning.Web.Data;
using KentMedwayCommissioning.Web.Data.DemoData;
using KentMedwayCommissioning.Web.Pages.Account;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using netDumbster.smtp;

namespace KentMedwayCommissioning.IntegrationTests.Account;

/// <summary>
/// Accounts by invitation and "forgot password", with a real SMTP server in the test process: the app sends through
/// MailKit, the test reads the message that arrived and follows its link.
/// </summary>
[Collection(nameof(SharedApp))]
public sealed partial class InvitationTests(TestApp app) : IAsyncLifetime
{
    private const string Invitee = "new.member@nhs.example";
    private const string ChosenPassword = "harbour-velvet-tundra-quince";

    private SimpleSmtpServer _smtp = null!;
    private WebApplicationFactory<Program> _withMail = null!;

    public async Task InitializeAsync()
    {
        await app.ResetAsync();
        _smtp = SimpleSmtpServer.Start(LoopbackPort.Free());
        _withMail = app.Factory.WithWebHostBuilder(host =>
        {
            host.UseSetting("Smtp:Host", "127.0.0.1");
            host.UseSetting("Smtp:Port", _smtp.Configuration.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
            host.UseSetting("Smtp:Security", "None");
        });
    }

    public async Task DisposeAsync()
    {
        await _withMail.DisposeAsync();
        _smtp.Dispose();
    }

    [Fact]
    public async Task An_invited_member_gets_the_link_by_email_chooses_a_password_and_is_signed_in_as_their_person()
    {
        var administrator = await AdministratorAsync(_withMail);

        var page = await InviteAsync(administrator, Invitee, "Priya Raman", roles: [Roles.Member]);

        Assert.Contains("It has been emailed to them", page.QuerySelector("#invitation-sent")!.TextContent, StringComparison.Ordinal);
        var shownOnce = page.QuerySelector("#invitation-link")!.GetAttribute("href")!;
        var mail = await MailToAsync(Invitee);
        Assert.Equal("Your invitation to Kent and Medway Commissioning", mail.Subject);
        var link = LinkIn(mail.TextBody);
        Assert.Equal(shownOnce, link);

        var invitee = new Browsing(_withMail);
        Assert.Contains("Accept your invitation", (await invitee.GetPageAsync(PathOf(link))).MainText(), StringComparison.Ordinal);
        var set = await SetPasswordAsync(invitee, link, ChosenPassword);
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await invitee.Client.GetAsync("/dashboard")).StatusCode);

        var (account, roles) = await AccountAsync(Invitee);
        Assert.Equal([Roles.Member], roles);
        var person = await app.QueryDbAsync(db => db.People.SingleAsync(candidate => candidate.Id == account.PersonId));
        Assert.Equal("Priya Raman", person.FullName);
        Assert.False(person.IsFictional);
    }

    [Fact]
    public async Task A_board_secretary_is_invited_for_their_bodies_and_linked_to_an_existing_person()
    {
        var administrator = await AdministratorAsync(_withMail);
        var person = await app.QueryDbAsync(db => db.People.Where(candidate => !db.Users.Any(user => user.PersonId == candidate.Id)).OrderBy(candidate => candidate.Id).FirstAsync());

        await InviteAsync(administrator, Invitee, person.FullName, roles: [Roles.BoardSecretary], secretaryOf: ["west-kent-ccg"], personId: person.Id);

        var (account, roles) = await AccountAsync(Invitee);
        Assert.Equal([Roles.BoardSecretary], roles);
        Assert.Equal(person.Id, account.PersonId);
        var westKent = await app.QueryDbAsync(db => db.Bodies.SingleAsync(body => body.Slug == "west-kent-ccg"));
        var claims = await app.QueryDbAsync(db => db.UserClaims.Where(claim => claim.UserId == account.Id).Select(claim => claim.ClaimValue).ToListAsync());
        Assert.Equal([westKent.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)], claims);
    }

    [Theory]
    [InlineData("gp.member@kmc.example", "Priya Raman", Roles.Member, "", "Input.Email", "There is already an account or an invitation for this email")]
    [InlineData(Invitee, "", Roles.Member, "", "Input.Name", "Enter their name")]
    [InlineData(Invitee, "Priya Raman", "", "", "Input.Roles", "Choose at least one role")]
    [InlineData(Invitee, "Priya Raman", Roles.BoardSecretary, "", "Input.SecretaryOf", "Choose the bodies whose meetings this board secretary runs")]
    [InlineData(Invitee, "Priya Raman", Roles.Member, "west-kent-ccg", "Input.SecretaryOf", "Only a board secretary is secretary of a body")]
    [InlineData("not an email", "Priya Raman", Roles.Member, "", "Input.Email", "Enter an email address in the correct format")]
    public async Task Bad_invitations_are_refused_by_the_field_and_write_nothing(string email, string name, string role, string body, string field, string message)
    {
        var administrator = await AdministratorAsync(_withMail);
        var accountsBefore = await app.QueryDbAsync(db => db.Users.CountAsync());
        var peopleBefore = await app.QueryDbAsync(db => db.People.CountAsync());

        var page = await InviteAsync(administrator, email, name, role.Length == 0 ? [] : [role], body.Length == 0 ? [] : [body]);

        var error = page.QuerySelector($"#{field.Replace('.', '-').ToLowerInvariant()}-error");
        Assert.NotNull(error);
        Assert.Contains(message, error.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#invitation-sent"));
        Assert.Equal(accountsBefore, await app.QueryDbAsync(db => db.Users.CountAsync()));
        Assert.Equal(peopleBefore, await app.QueryDbAsync(db => db.People.CountAsync()));
    }

    [Fact]
    public async Task A_person_who_already_has_an_account_cannot_be_given_a_second()
    {
        var administrator = await AdministratorAsync(_withMail);
        var linked = await app.QueryDbAsync(db => db.Users.Where(user => user.Email == DemoAccounts.GpMember.Email).Select(user => user.PersonId!.Value).SingleAsync());

        var page = await InviteAsync(administrator, Invitee, "Someone Else", [Roles.Member], personId: linked);

        Assert.Contains("already has an account", page.QuerySelector("#input-personid-error")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resending_gives_a_fresh_link_and_the_earlier_one_stops_working()
    {
        var administrator = await AdministratorAsync(_withMail);
        await InviteAsync(administrator, Invitee, "Priya Raman", [Roles.Member]);
        var first = LinkIn((await MailToAsync(Invitee)).TextBody);
        var (account, _) = await AccountAsync(Invitee);

        var resent = await administrator.SubmitAsync($"/admin/accounts/{account.Id}?handler=Resend", new Dictionary<string, string>(), formIndex: 0);

        Assert.Equal(HttpStatusCode.OK, resent.StatusCode);
        var second = (await Browsing.ParseAsync(resent)).QuerySelector("#invitation-link")!.GetAttribute("href")!;
        Assert.NotEqual(first, second);
        await WaitForMailCountAsync(2);
        Assert.Contains(_smtp.ReceivedEmail, mail => LinkIn(Parse(mail).TextBody) == second);
        Assert.Contains("A newer link has been made", (await new Browsing(_withMail).GetPageAsync(PathOf(first))).MainText(), StringComparison.Ordinal);
        Assert.Contains("Accept your invitation", (await new Browsing(_withMail).GetPageAsync(PathOf(second))).MainText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_withdrawn_invitation_cannot_be_accepted()
    {
        var administrator = await AdministratorAsync(_withMail);
        await InviteAsync(administrator, Invitee, "Priya Raman", [Roles.Member]);
        var link = LinkIn((await MailToAsync(Invitee)).TextBody);
        var (account, _) = await AccountAsync(Invitee);

        var revoke = await administrator.SubmitAsync($"/admin/accounts/{account.Id}", new Dictionary<string, string>(), formIndex: 1);
        Assert.Equal(HttpStatusCode.Redirect, revoke.StatusCode);

        Assert.Contains("withdrawn", (await new Browsing(_withMail).GetPageAsync(PathOf(link))).MainText(), StringComparison.Ordinal);
        await SetPasswordAsync(new Browsing(_withMail), link, ChosenPassword);
        Assert.Null((await AccountAsync(Invitee)).Account.PasswordHash);
        Assert.Contains("The invitation was withdrawn", (await administrator.GetPageAsync($"/admin/accounts/{account.Id}")).MainText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_mail_server_the_link_is_shown_to_the_administrator_to_pass_on()
    {
        var administrator = await AdministratorAsync(app.Factory);

        var page = await InviteAsync(administrator, Invitee, "Priya Raman", [Roles.Member]);

        Assert.Contains("No mail server is configured", page.QuerySelector("#invitation-sent")!.TextContent, StringComparison.Ordinal);
        var link = page.QuerySelector("#invitation-link")!.GetAttribute("href")!;
        Assert.StartsWith("http://localhost:5080/account/set-password?token=", link, StringComparison.Ordinal);
        Assert.Equal(0, _smtp.ReceivedEmailCount);
    }

    [Fact]
    public async Task Forgot_password_answers_the_same_for_known_and_unknown_addresses_and_mails_only_the_known()
    {
        var unknown = await RequestResetAsync("nobody@nhs.example");
        var known = await RequestResetAsync(DemoAccounts.GpMember.Email);

        Assert.Equal(unknown, known);
        Assert.Contains(ForgotPasswordModel.Answer, known, StringComparison.Ordinal);
        var mail = await MailToAsync(DemoAccounts.GpMember.Email);
        Assert.Single(_smtp.ReceivedEmail);
        Assert.Equal("Choose a new password for Kent and Medway Commissioning", mail.Subject);

        var link = LinkIn(mail.TextBody);
        Assert.Contains("Choose a new password", (await new Browsing(_withMail).GetPageAsync(PathOf(link))).MainText(), StringComparison.Ordinal);
        await SetPasswordAsync(new Browsing(_withMail), link, ChosenPassword);
        await new Browsing(_withMail).SignInAsync(DemoAccounts.GpMember.Email, ChosenPassword);
    }

    [Fact]
    public async Task Forgot_password_does_not_touch_an_invitation_not_yet_accepted()
    {
        var administrator = await AdministratorAsync(_withMail);
        await InviteAsync(administrator, Invitee, "Priya Raman", [Roles.Member]);
        var invitation = LinkIn((await MailToAsync(Invitee)).TextBody);

        await RequestResetAsync(Invitee);

        await Task.Delay(500);
        Assert.Equal(1, _smtp.ReceivedEmailCount);
        Assert.Contains("Accept your invitation", (await new Browsing(_withMail).GetPageAsync(PathOf(invitation))).MainText(), StringComparison.Ordinal);
    }

    private async Task<string> RequestResetAsync(string email)
    {
        var response = await new Browsing(_withMail).SubmitAsync("/account/forgot-password", new Dictionary<string, string> { ["Input.Email"] = email });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await Browsing.ParseAsync(response)).MainText();
    }

    private static async Task<Browsing> AdministratorAsync(WebApplicationFactory<Program> factory)
    {
        var administrator = new Browsing(factory);
        await administrator.SignInAsync(DemoAccounts.Administrator.Email, DemoAccounts.Password);
        return administrator;
    }

    private static async Task<AngleSharp.Dom.IDocument> InviteAsync(
        Browsing administrator, string email, string name, IReadOnlyList<string> roles, IReadOnlyList<string>? secretaryOf = null, int? personId = null)
    {
        var page = await administrator.GetPageAsync("/admin/accounts/invite");
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Input.Email", email),
            new("Input.Name", name),
            new("Input.PersonId", personId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty),
            new("__RequestVerificationToken", page.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!),
        };
        fields.AddRange(roles.Select(role => new KeyValuePair<string, string>("Input.Roles", role)));
        fields.AddRange((secretaryOf ?? []).Select(body => new KeyValuePair<string, string>("Input.SecretaryOf", body)));
        var response = await administrator.Client.PostAsync("/admin/accounts/invite", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Browsing.ParseAsync(response);
    }

    private async Task<MimeKit.MimeMessage> MailToAsync(string address)
    {
        await WaitForMailCountAsync(1);
        var message = _smtp.ReceivedEmail.Single(candidate => candidate.ToAddresses.Any(to => to.Address == address));
        return Parse(message);
    }

    private async Task WaitForMailCountAsync(int count)
    {
        for (var attempt = 0; attempt < 100 && _smtp.ReceivedEmailCount < count; attempt++)
        {
            await Task.Delay(100);
        }

        Assert.Equal(count, _smtp.ReceivedEmailCount);
    }

    private static MimeKit.MimeMessage Parse(netDumbster.smtp.SmtpMessage message) =>
        MimeKit.MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(message.Data)));

    private static string LinkIn(string? body) => MailedLink().Match(body ?? string.Empty).Value is { Length: > 0 } link ? link : throw new InvalidOperationException($"No link in: {body}");

    private static string PathOf(string link) => new Uri(link).PathAndQuery;

    /// <summary>Posts the set-password form; the antiforgery token comes from the sign-in page.</summary>
    private static async Task<HttpResponseMessage> SetPasswordAsync(Browsing browsing, string link, string password)
    {
        var anyForm = await browsing.GetPageAsync("/account/sign-in");
        return await browsing.Client.PostAsync(PathOf(link), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Token"] = System.Web.HttpUtility.ParseQueryString(new Uri(link).Query)["token"]!,
            ["Input.Password"] = password,
            ["__RequestVerificationToken"] = anyForm.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
        }));
    }

    private async Task<(ApplicationUser Account, IList<string> Roles)> AccountAsync(string email)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var account = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No account {email}");
        return (account, await users.GetRolesAsync(account));
    }

    [GeneratedRegex(@"http://\S+/account/set-password\?token=[A-Za-z0-9_-]+")]
    private static partial Regex MailedLink();
}
