using System.Net;
using System.Security.Claims;
using KentMedwayCommissioning.Web.Data;
using KentMedwayCommissioning.Web.Pages.Admin;
using System.Text.Json;
using KentMedwayCommissioning.IntegrationTests.Meetings;
using KentMedwayCommissioning.TestSupport;
using KentMedwayCommissioning.Web.Data.DemoData;
using KentMedwayCommissioning.Web.Domain.Meetings;
using KentMedwayCommissioning.Web.Pages.Meetings;
using KentMedwayCommissioning.Web.Pages.Interests;
using KentMedwayCommissioning.Web.Domain;
using KentMedwayCommissioning.Web.Domain.Registers;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace KentMedwayCommissioning.IntegrationTests.Admin;

[Collection(nameof(SharedApp))]
public sealed class AuditLogTests(TestApp app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_vote_is_audited_by_its_own_vote_event_with_who_when_and_what_and_the_audit_log_shows_it()
    {
        var board = await VotingBoard.CreateAsync(app, voters: 3);
        var member = TestApp.Member(board.Voters[1]);
        var before = await app.QueryDbAsync(db => db.AuditEntries.CountAsync());

        await app.SendAsAsync(member, new CastVote.Command(board.MeetingId, board.ItemNumber, VoteChoice.For));
        await app.SendAsAsync(member, new CastVote.Command(board.MeetingId, board.ItemNumber, VoteChoice.Against));

        // No audit document is serialised for a vote: its vote_events rows are its audit, append-only and complete.
        Assert.Equal(before, await app.QueryDbAsync(db => db.AuditEntries.CountAsync()));
        var events = await app.QueryDbAsync(db => db.VoteEvents.Where(voteEvent => voteEvent.AgendaItemId == board.ItemId).OrderBy(voteEvent => voteEvent.Id).ToListAsync());
        Assert.Equal([(VoteChoice.For, VoteEventKind.Cast), (VoteChoice.Against, VoteEventKind.Changed)], events.Select(voteEvent => (voteEvent.Choice, voteEvent.Kind)));
        Assert.All(events, voteEvent => Assert.Equal($"person-{board.Voters[1]}", voteEvent.RecordedBy));

        await using var scope = app.Factory.Services.CreateAsyncScope();
        var log = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new AuditLogModel.Query($"person-{board.Voters[1]}", AuditLogModel.VoteCommand, null, null, null));
        Assert.Equal([VoteChoice.Against, VoteChoice.For], log.Votes.Select(vote => vote.Choice));
        Assert.Contains(AuditLogModel.VoteCommand, log.Commands);
    }

    [Fact]
    public async Task A_change_of_access_is_audited_with_the_rows_before_and_after_and_no_secrets()
    {
        var layMember = await app.QueryDbAsync(db => db.Users.SingleAsync(user => user.Email == DemoAccounts.LayMember.Email));
        var administrator = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, DemoAccounts.Administrator.Email), new Claim(ClaimTypes.Role, Roles.Administrator)], "Test"));

        await app.SendAsAsync(administrator, new AccountModel.ChangeAccessCommand(layMember.Id, [Roles.Member, Roles.BoardSecretary], ["west-kent-ccg"]));

        var entry = await app.QueryDbAsync(db => db.AuditEntries.SingleAsync(candidate => candidate.Command == "Admin.Account.ChangeAccessCommand"));
        Assert.Equal(DemoAccounts.Administrator.Email, entry.Actor);
        using var changes = JsonDocument.Parse(entry.Changes);
        var rows = changes.RootElement.EnumerateArray().ToList();
        Assert.Contains(rows, row => row.GetProperty("table").GetString() == "user_roles" && row.GetProperty("state").GetString() == "Added");
        Assert.Contains(rows, row => row.GetProperty("table").GetString() == "user_claims" && row.GetProperty("after").GetProperty("ClaimValue").GetString() is not null);
        var account = rows.First(row => row.GetProperty("table").GetString() == "users" && row.GetProperty("state").GetString() == "Modified");
        Assert.Equal("(changed)", account.GetProperty("after").GetProperty("SecurityStamp").GetString());
        Assert.DoesNotContain(layMember.SecurityStamp!, entry.Changes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_gift_s_value_is_audited_in_full_because_only_marked_secrets_are_redacted()
    {
        var gp = DemoAccounts.GpMember.PersonName!;
        var gpId = await app.QueryDbAsync(db => db.People.Where(person => person.FullName == gp).Select(person => person.Id).SingleAsync());

        await app.SendAsAsync(TestApp.Member(gpId), new RegisterModel.RecordOffer(
            Slug.From(gp), OfferKind.Hospitality, "Dinner after a conference", "A regional network", false, 42.50m, new DateOnly(2026, 1, 12), true, null));

        var entry = await app.QueryDbAsync(db => db.AuditEntries.SingleAsync(candidate => candidate.Command == "Interests.Register.RecordOffer"));
        using var changes = JsonDocument.Parse(entry.Changes);
        var offer = changes.RootElement.EnumerateArray().Single(row => row.GetProperty("table").GetString() == "gifts_and_hospitality");
        Assert.Equal(42.50m, offer.GetProperty("after").GetProperty("Value").GetDecimal());
    }

    [Fact]
    public async Task A_refused_command_writes_neither_its_change_nor_an_audit_entry()
    {
        var board = await VotingBoard.CreateAsync(app, voters: 3, openVote: false);
        var before = await app.QueryDbAsync(db => db.AuditEntries.CountAsync());

        await Assert.ThrowsAsync<GovernanceException>(() => app.SendAsAsync(TestApp.Member(board.Voters[0]), new CastVote.Command(board.MeetingId, board.ItemNumber, VoteChoice.For)));
        await Assert.ThrowsAsync<ValidationException>(() => app.SendAsAsync(TestApp.Member(board.Voters[0]), new CastVote.Command(board.MeetingId, board.ItemNumber, (VoteChoice)42)));

        Assert.Equal(before, await app.QueryDbAsync(db => db.AuditEntries.CountAsync()));
    }

    [Fact]
    public async Task A_sign_in_is_audited_without_the_password()
    {
        var browsing = new Browsing(app);
        await browsing.SignInAsync(DemoAccounts.LayMember.Email, DemoAccounts.Password);

        var entry = await app.QueryDbAsync(db => db.AuditEntries.SingleAsync(candidate => candidate.Command == "Account.SignIn"));
        Assert.Contains(DemoAccounts.LayMember.Email, entry.Request, StringComparison.Ordinal);
        Assert.DoesNotContain(DemoAccounts.Password, entry.Request + entry.Changes + entry.Result, StringComparison.Ordinal);
        Assert.Equal("\"SignedIn\"", entry.Result);
    }

    [Theory]
    [InlineData("UPDATE audit_entries SET actor = 'someone else'")]
    [InlineData("DELETE FROM audit_entries")]
    public async Task The_database_refuses_to_change_or_remove_an_audit_entry(string sql)
    {
        await new Browsing(app).SignInAsync(DemoAccounts.LayMember.Email, DemoAccounts.Password);
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);

        await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
    }

    [Fact]
    public async Task Administrators_read_the_log_filtered_by_command_and_nobody_else_can()
    {
        var admin = new Browsing(app);
        await admin.SignInAsync(DemoAccounts.Administrator.Email, DemoAccounts.Password);
        var member = new Browsing(app);
        await member.SignInAsync(DemoAccounts.GpMember.Email, DemoAccounts.Password);

        var log = await admin.GetPageAsync("/admin/audit?command=Account.SignIn");
        var refused = await member.Client.GetAsync("/admin/audit");

        var rows = log.QuerySelectorAll("#audit-entries tbody tr").Select(row => row.TextContent).ToList();
        Assert.Equal(2, rows.Count);
        Assert.All(rows, row => Assert.Contains("Account.SignIn", row, StringComparison.Ordinal));
        Assert.Contains(rows, row => row.Contains(DemoAccounts.GpMember.Email, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Equal("/account/access-denied", refused.Headers.Location!.AbsolutePath);
    }
}
