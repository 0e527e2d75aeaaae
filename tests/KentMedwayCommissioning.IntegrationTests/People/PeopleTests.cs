using System.Globalization;
using System.Net;
using KentMedwayCommissioning.IntegrationTests.Meetings;
using KentMedwayCommissioning.TestSupport;
using KentMedwayCommissioning.Web.Data.DemoData;
using KentMedwayCommissioning.Web.Domain;
using KentMedwayCommissioning.Web.Domain.Meetings;
using KentMedwayCommissioning.Web.Pages.Decisions;
using KentMedwayCommissioning.Web.Pages.Meetings;
using Microsoft.EntityFrameworkCore;

namespace KentMedwayCommissioning.IntegrationTests.People;

[Collection(nameof(SharedApp))]
public sealed class PeopleTests(TestApp app) : IAsyncLifetime
{
    private const int VisibilityForm = 1;
    private readonly Browsing _browser = new(app);
    private readonly Browsing _visitor = new(app);

    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task An_administrator_adds_a_person_not_listed_in_public_whom_visitors_cannot_find()
    {
        await _browser.SignInAsync(DemoAccounts.Administrator.Email, DemoAccounts.Password);

        var response = await _browser.SubmitAsync("/people/new", new Dictionary<string, string> { ["Input.Name"] = "Dr Ada Quill", ["Input.IsPublic"] = "false" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/people/dr-ada-quill", response.Headers.Location!.OriginalString);
        var added = await app.QueryDbAsync(db => db.People.SingleAsync(person => person.Slug == "dr-ada-quill"));
        Assert.Equal((false, false), (added.IsPublic, added.IsFictional));
        Assert.Contains("Not listed in public", (await _browser.GetPageAsync("/people/dr-ada-quill")).MainText(), StringComparison.Ordinal);
        Assert.Contains("Dr Ada Quill", (await _browser.GetPageAsync("/people")).MainText(), StringComparison.Ordinal);
        await _visitor.GetPageAsync("/people/dr-ada-quill", HttpStatusCode.NotFound);
        Assert.DoesNotContain("Dr Ada Quill", (await _visitor.GetPageAsync("/people")).MainText(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await _visitor.Client.GetAsync("/api/v1/people/dr-ada-quill/record")).StatusCode);
    }

    [Fact]
    public async Task A_person_whose_name_is_taken_is_refused_next_to_the_name()
    {
        var existing = await app.QueryDbAsync(db => db.People.OrderBy(person => person.Id).Select(person => person.FullName).FirstAsync());
        await _browser.SignInAsync(DemoAccounts.Administrator.Email, DemoAccounts.Password);
        var before = await app.QueryDbAsync(db => db.People.CountAsync());

        var response = await _browser.SubmitAsync("/people/new", new Dictionary<string, string> { ["Input.Name"] = existing, ["Input.IsPublic"] = "true" });

        await AssertRefusedAsync(response, "input-name", "There is already a person record for");
        Assert.Equal(before, await app.QueryDbAsync(db => db.People.CountAsync()));
    }

    [Fact]
    public async Task A_new_name_shows_with_the_former_one_while_published_decisions_keep_the_name_they_were_published_with()
    {
        var (sequence, personId, publishedName) = await PublishedVoterAsync();
        var slug = await app.QueryDbAsync(db => db.People.Where(person => person.Id == personId).Select(person => person.Slug).SingleAsync());
        var votesBefore = (await _visitor.GetPageAsync($"/people/{slug}")).QuerySelectorAll("#votes + table tbody tr").Length;
        var effectiveOn = Today.AddDays(-10);
        await _browser.SignInAsync(DemoAccounts.Administrator.Email, DemoAccounts.Password);

        var response = await _browser.SubmitAsync($"/people/{slug}/change", RenameFields("Dr Renamed Member", effectiveOn, "Married in the spring"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await _visitor.GetPageAsync($"/people/{slug}");
        Assert.Equal("Dr Renamed Member", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains($"Formerly {publishedName}, until {Display(effectiveOn.AddDays(-1))}", page.MainText(), StringComparison.Ordinal);
        Assert.Equal(votesBefore, page.QuerySelectorAll("#votes + table tbody tr").Length);
        Assert.DoesNotContain("Married in the spring", page.MainText(), StringComparison.Ordinal);
        Assert.Contains(publishedName, (await _visitor.GetPageAsync($"/decisions/{sequence}")).MainText(), StringComparison.Ordinal);
        var history = (await _browser.GetPageAsync($"/people/{slug}")).MainText();
        Assert.Contains("Name changed to Dr Renamed Member", history, StringComparison.Ordinal);
        Assert.Contains("Married in the spring", history, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_renamed_person_s_account_is_shown_by_the_new_name()
    {
        var slug = Slug.From(DemoAccounts.GpMember.PersonName!);
        await _browser.SignInAsync(DemoAccounts.Administrator.Email, DemoAccounts.Password);

        var response = await _browser.SubmitAsync($"/people/{slug}/change", RenameFields("Dr Renamed Member", Today, "Changed their name by deed poll"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("Dr Renamed Member", await app.QueryDbAsync(db => db.Users.Where(account => account.Email == DemoAccounts.GpMember.Email).Select(account => account.DisplayName).SingleAsync()));
        Assert.Equal(DemoAccounts.Administrator.DisplayName, await app.QueryDbAsync(db => db.Users.Where(account => account.Email == DemoAccounts.Administrator.Email).Select(account => account.DisplayName).SingleAsync()));
    }

    [Fact]
    public async Task A_person_no_longer_listed_answers_404_to_visitors_while_the_register_keeps_their_votes()
    {
        var (sequence, personId, publishedName) = await PublishedVoterAsync();
        var slug = await app.QueryDbAsync(db => db.People.Where(person => person.Id == personId).Select(person => person.Slug).SingleAsync());
        await _browser.SignInAsync(DemoAccounts.Administrator.Email, DemoAccounts.Password);

        var response = await _browser.SubmitAsync($"/people/{slug}/change", VisibilityFields(false, Today, "Asked to be removed after leaving"), VisibilityForm);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await _visitor.GetPageAsync($"/people/{slug}", HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NotFound, (await _visitor.Client.GetAsync($"/api/v1/people/{slug}/record")).StatusCode);
        Assert.DoesNotContain($"/people/{slug}\"", await _visitor.Client.GetStringAsync("/people"), StringComparison.Ordinal);
        Assert.Contains(publishedName, (await _visitor.GetPageAsync($"/decisions/{sequence}")).MainText(), StringComparison.Ordinal);
        var change = await app.QueryDbAsync(db => db.PersonChanges.Where(entry => entry.PersonId == personId).Select(entry => new { entry.Change, entry.EffectiveOn, entry.Reason }).SingleAsync());
        Assert.Equal(("No longer listed in public", Today, "Asked to be removed after leaving"), (change.Change, change.EffectiveOn, change.Reason));
        Assert.Contains("Asked to be removed after leaving", (await _browser.GetPageAsync($"/people/{slug}")).MainText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_post_holder_or_member_no_longer_listed_keeps_their_place_but_visitors_are_not_told_who()
    {
        await _browser.SignInAsync(DemoAccounts.Administrator.Email, DemoAccounts.Password);
        Assert.Equal(HttpStatusCode.Redirect, (await _browser.SubmitAsync("/people/ian-ayres/change", VisibilityFields(false, Today, "Asked not to be named"), VisibilityForm)).StatusCode);

        foreach (var path in new[] { "/posts", $"/bodies/{Slug.From(PapersData.WestKent)}" })
        {
            var html = await _visitor.Client.GetStringAsync(path);
            Assert.DoesNotContain("Ian Ayres", html, StringComparison.Ordinal);
            Assert.DoesNotContain("/people/ian-ayres", html, StringComparison.Ordinal);
            Assert.Contains("Name not published", html, StringComparison.Ordinal);
            Assert.Contains("Ian Ayres", (await _browser.GetPageAsync(path)).MainText(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_change_dated_tomorrow_is_refused_next_to_its_date_and_changes_nothing()
    {
        var slug = await AnyPersonAsync();
        await _browser.SignInAsync(DemoAccounts.Administrator.Email, DemoAccounts.Password);

        var response = await _browser.SubmitAsync($"/people/{slug}/change", RenameFields("Someone Else", Today.AddDays(1), "Not yet"));

        await AssertRefusedAsync(response, "renaming-effectiveon", "The change must take effect today");
        Assert.Equal(0, await app.QueryDbAsync(db => db.PersonChanges.CountAsync()));
    }

    [Fact]
    public async Task A_change_without_a_reason_is_refused_next_to_the_reason()
    {
        var slug = await AnyPersonAsync();
        await _browser.SignInAsync(DemoAccounts.Administrator.Email, DemoAccounts.Password);

        var response = await _browser.SubmitAsync($"/people/{slug}/change", VisibilityFields(false, Today, ""), VisibilityForm);

        await AssertRefusedAsync(response, "visibility-reason", "Say why");
        Assert.True(await app.QueryDbAsync(db => db.People.Where(person => person.Slug == slug).Select(person => person.IsPublic).SingleAsync()));
    }

    [Fact]
    public async Task A_change_dated_before_the_latest_change_is_refused_next_to_its_date()
    {
        var slug = await AnyPersonAsync();
        await _browser.SignInAsync(DemoAccounts.Administrator.Email, DemoAccounts.Password);
        Assert.Equal(HttpStatusCode.Redirect, (await _browser.SubmitAsync($"/people/{slug}/change", RenameFields("First New Name", Today, "Corrected spelling"))).StatusCode);

        var response = await _browser.SubmitAsync($"/people/{slug}/change", VisibilityFields(false, Today.AddDays(-1), "Left"), VisibilityForm);

        await AssertRefusedAsync(response, "visibility-effectiveon", "The change cannot take effect before the latest change already recorded");
    }

    private static DateOnly Today => UkCalendar.Today(TimeProvider.System);

    private static string Display(DateOnly day) => day.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    private Task<string> AnyPersonAsync() =>
        app.QueryDbAsync(db => db.People.Where(person => person.IsPublic).OrderBy(person => person.Id).Select(person => person.Slug).FirstAsync());

    /// <summary>A decision published with a named vote (a board's first voter's), the voter's id, and their name as published.</summary>
    private async Task<(long Sequence, int PersonId, string PublishedName)> PublishedVoterAsync()
    {
        var board = await VotingBoard.CreateAsync(app, voters: 3, name: "People Test Board");
        var secretary = TestApp.Secretary(board.BodyId);
        await app.SendAsAsync(TestApp.Member(board.Voters[0]), new CastVote.Command(board.MeetingId, board.ItemNumber, VoteChoice.For));
        await app.SendAsAsync(TestApp.Member(board.Voters[1]), new CastVote.Command(board.MeetingId, board.ItemNumber, VoteChoice.For));
        await app.SendAsAsync(secretary, new RunVote.Command(board.MeetingId, board.ItemNumber, RunVote.Action.Close));
        await app.SendAsAsync(secretary, new RunMeeting.ChangeStatus(board.MeetingId, RunMeeting.StatusChange.Close));
        await app.SendAsAsync(secretary, new PublishMeeting.Command(board.MeetingId));
        var voter = board.Voters[0];
        var sequence = await app.QueryDbAsync(db => db.PublishedDecisions.MaxAsync(entry => entry.Sequence));
        return (sequence, voter, await app.QueryDbAsync(db => db.People.Where(person => person.Id == voter).Select(person => person.FullName).SingleAsync()));
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage response, string fieldId, string messageStart)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Browsing.ParseAsync(response);
        Assert.StartsWith(messageStart, page.QuerySelector($"#{fieldId}-error")!.TextContent.Replace("Error:", "", StringComparison.Ordinal).Trim(), StringComparison.Ordinal);
        Assert.StartsWith("Error: ", page.Title, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> RenameFields(string newName, DateOnly effectiveOn, string reason) => new()
    {
        ["Renaming.NewName"] = newName,
        ["Renaming.EffectiveOn"] = effectiveOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["Renaming.Reason"] = reason,
    };

    private static Dictionary<string, string> VisibilityFields(bool isPublic, DateOnly effectiveOn, string reason) => new()
    {
        ["Visibility.IsPublic"] = isPublic ? "true" : "false",
        ["Visibility.EffectiveOn"] = effectiveOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["Visibility.Reason"] = reason,
    };
}
