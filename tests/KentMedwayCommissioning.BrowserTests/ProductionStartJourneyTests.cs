using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using KentMedwayCommissioning.Bench.Load;
using KentMedwayCommissioning.TestSupport;
using KentMedwayCommissioning.Web.Infrastructure;
using KentMedwayCommissioning.Web.Pages.Account;
using Mediator;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using netDumbster.smtp;

namespace KentMedwayCommissioning.BrowserTests;

/// <summary>
/// A real organisation starts from an empty Production database, in the browser, with no demo data and no SQL: the first
/// administrator's link, a body and its rule, people and seats from a CSV, invitations read from a real SMTP server,
/// members who set passwords and two factors, a meeting run to a published decision that a visitor reads.
/// </summary>
public sealed partial class ProductionStartJourneyTests : IAsyncLifetime
{
    private const string AdminEmail = "governance@westkent.example";
    private const string Password = "lantern-harbour-okapi-quince";

    private readonly int _port = LoopbackPort.Free();
    private string _connectionString = string.Empty;
    private SimpleSmtpServer _smtp = null!;
    private WebApplicationFactory<Program> _factory = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public async Task InitializeAsync()
    {
        _connectionString = await PostgresServer.CreateDatabaseAsync("production");
        _smtp = SimpleSmtpServer.Start(LoopbackPort.Free());
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
        {
            host.UseEnvironment("Production");
            host.UseSetting("ConnectionStrings:Default", _connectionString);
            host.UseSetting("DatabaseStartup:ApplyMigrations", "true");
            host.UseSetting("DatabaseStartup:LoadDemoData", "false");
            host.UseSetting("RateLimiting:Enabled", "false");
            host.UseSetting("PublicBaseUrl", $"http://localhost:{_port}");
            host.UseSetting("Smtp:Host", "127.0.0.1");
            host.UseSetting("Smtp:Port", _smtp.Configuration.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
            host.UseSetting("Smtp:Security", "None");
        });
        _factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, _port));
        _factory.StartServer();
        _playwright = await Playwright.CreateAsync();
        _browser = await BrowserApp.LaunchChromiumAsync(_playwright);
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _factory.DisposeAsync();
        _smtp.Dispose();
        await PostgresServer.DropDatabaseAsync(_connectionString);
    }

    [Fact]
    public async Task An_organisation_sets_itself_up_and_publishes_a_decision_from_an_empty_production_database()
    {
        // create-admin, as scripts/create-admin.sh sends it from the command line.
        CreateAdministrator.Issued issued;
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<CurrentUser>().Principal = CurrentUser.CommandLineOperator;
            issued = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new CreateAdministrator.Command(AdminEmail));
        }

        var admin = await NewPageAsync();
        await admin.GotoAsync($"/account/set-password?token={issued.Token}");
        Assert.Empty(await Accessibility.ViolationsAsync(admin));
        await ChoosePasswordAndEnrolAsync(admin);

        // The body and how it decides.
        await admin.GotoAsync("/bodies");
        await admin.GetByRole(AriaRole.Link, new() { Name = "Add a body" }).ClickAsync();
        Assert.Empty(await Accessibility.ViolationsAsync(admin));
        await admin.GetByLabel("Name").FillAsync("West Kent CCG");
        await admin.Locator("input[name='Input.Kind'][value='ClinicalCommissioningGroup']").CheckAsync();
        await admin.Locator("input[name='Input.SubSystem'][value='WestKent']").CheckAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Add the body" }).ClickAsync();
        await admin.GetByLabel("Quorum, as a percentage of voting members").FillAsync("50");
        await admin.GetByLabel("A lay member must be present for a quorum").CheckAsync();
        await admin.GetByLabel("A clinical member must be present for a quorum").CheckAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Save how this body decides" }).ClickAsync();

        // Four people and their seats, from a file.
        await admin.GotoAsync("/admin/bulk-start");
        Assert.Empty(await Accessibility.ViolationsAsync(admin));
        await admin.Locator("#file").SetInputFilesAsync(new FilePayload
        {
            Name = "west-kent.csv",
            MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes("""
                body,person,seat,category,voting,from
                west-kent-ccg,Grace Adeyemi,Chair,clinical,yes,2020-04-01
                west-kent-ccg,Asha Patel,Lay member,lay,yes,2020-04-01
                west-kent-ccg,Tom Okafor,GP member,clinical,yes,2020-04-01
                west-kent-ccg,Ben Hollis,Lay member,lay,yes,2020-04-01
                """),
        });
        await admin.GetByRole(AriaRole.Button, new() { Name = "Check the file" }).ClickAsync();
        await Assertions.Expect(admin.Locator("#plan tbody tr")).ToHaveCountAsync(4);
        Assert.Empty(await Accessibility.ViolationsAsync(admin));
        await admin.GetByRole(AriaRole.Button, new() { Name = "Add 4 seats" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Alert)).ToContainTextAsync("Added 4 seats and 4 new people");

        // Three of them are invited; each sets a password and two factors from the emailed link.
        string[] invited = ["Grace Adeyemi", "Asha Patel", "Tom Okafor"];
        var members = new List<IPage>();
        foreach (var name in invited)
        {
            var email = name.ToLowerInvariant().Replace(' ', '.') + "@westkent.example";
            await admin.GotoAsync("/admin/accounts/invite");
            await admin.GetByLabel("Email address").FillAsync(email);
            await admin.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
            await admin.GetByLabel("Person record").SelectOptionAsync(new SelectOptionValue { Label = name });
            await admin.GetByLabel("Member", new() { Exact = true }).CheckAsync();
            await admin.GetByRole(AriaRole.Button, new() { Name = "Send the invitation" }).ClickAsync();
            await Assertions.Expect(admin.Locator("#invitation-sent")).ToContainTextAsync("It has been emailed to them");
            Assert.Empty(await Accessibility.ViolationsAsync(admin));

            var member = await NewPageAsync();
            await member.GotoAsync(await InvitationLinkAsync(email));
            await Assertions.Expect(member.GetByRole(AriaRole.Heading, new() { Name = "Accept your invitation: choose a password" })).ToBeVisibleAsync();
            await ChoosePasswordAndEnrolAsync(member);
            members.Add(member);
        }

        // The secretary's work (the administrator runs any body's meetings): schedule, add an item, start, attendance, vote.
        await admin.GotoAsync("/bodies/west-kent-ccg/meetings");
        await admin.GetByLabel("Title").FillAsync("Governing body meeting in public");
        await admin.GetByLabel("Date and time it starts").FillAsync(DateTime.UtcNow.AddMinutes(5).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture));
        await admin.GetByLabel("Where").FillAsync("Wharf House, Tonbridge");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Schedule the meeting" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Alert)).ToContainTextAsync("The meeting is scheduled.");
        var meetingUrl = admin.Url.Split('#')[0];
        await admin.Locator("#item-title").FillAsync("Establishing a single strategic commissioner");
        await admin.Locator("#item-question").FillAsync("That the governing body agrees to establish a single strategic commissioner.");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Add item" }).ClickAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Start the meeting" }).ClickAsync();
        // Everyone starts as present on the roll: one submit records all four.
        await admin.GetByRole(AriaRole.Button, new() { Name = "Record attendance" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Alert)).ToContainTextAsync("Attendance recorded.");

        await Assertions.Expect(admin.Locator("#meeting-quorum")).ToContainTextAsync("Quorate");
        await admin.GetByRole(AriaRole.Link, new() { Name = "1. Establishing a single strategic commissioner" }).ClickAsync();
        var itemUrl = admin.Url;
        await admin.GetByRole(AriaRole.Button, new() { Name = "Open the vote" }).ClickAsync();

        foreach (var member in members)
        {
            await member.GotoAsync(itemUrl);
            await member.GetByLabel("For", new() { Exact = true }).CheckAsync();
            await member.GetByRole(AriaRole.Button, new() { Name = "Record my vote" }).ClickAsync();
            await Assertions.Expect(member.GetByRole(AriaRole.Alert)).ToContainTextAsync("recorded");
        }

        await admin.GotoAsync(itemUrl);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Close the vote and apply the rules" }).ClickAsync();
        await admin.GotoAsync(meetingUrl);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Close the meeting" }).ClickAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Publish the decisions" }).ClickAsync();

        // A visitor, signed in to nothing, reads the decision.
        var visitor = await NewPageAsync();
        await visitor.GotoAsync("/decisions");
        await visitor.GetByRole(AriaRole.Link, new() { Name = "Establishing a single strategic commissioner" }).ClickAsync();
        await Assertions.Expect(visitor.Locator("main")).ToContainTextAsync("West Kent CCG");
        await Assertions.Expect(visitor.Locator("main")).ToContainTextAsync("Carried");
        await Assertions.Expect(visitor.Locator("main")).ToContainTextAsync("Asha Patel");
    }

    /// <summary>Chooses the password at a one-time link, then sets up the authenticator that Production requires.</summary>
    private static async Task ChoosePasswordAndEnrolAsync(IPage page)
    {
        await page.GetByLabel("New password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Set password" }).ClickAsync();
        await Assertions.Expect(page.Locator("#authenticator-key")).ToBeVisibleAsync();
        var key = await page.Locator("#authenticator-key").InnerTextAsync();
        await page.GetByLabel("Code from the app").FillAsync(Totp.Code(key, DateTimeOffset.UtcNow));
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn on two-factor authentication" }).ClickAsync();
        await Assertions.Expect(page.Locator("#recovery-codes li")).ToHaveCountAsync(10);
    }

    private async Task<string> InvitationLinkAsync(string email)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var message = _smtp.ReceivedEmail.FirstOrDefault(mail => mail.ToAddresses.Any(to => to.Address == email));
            if (message is not null)
            {
                var body = MimeKit.MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(message.Data))).TextBody ?? string.Empty;
                return MailedLink().Match(body).Value;
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException($"No invitation reached {email}");
    }

    private async Task<IPage> NewPageAsync()
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = $"http://localhost:{_port}" });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    [GeneratedRegex(@"http://\S+/account/set-password\?token=[A-Za-z0-9_-]+")]
    private static partial Regex MailedLink();

}
