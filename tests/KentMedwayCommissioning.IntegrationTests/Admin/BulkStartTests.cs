using System.Net;
using System.Net.Http.Headers;
using System.Text;
using KentMedwayCommissioning.TestSupport;
using KentMedwayCommissioning.Web.Data.DemoData;
using KentMedwayCommissioning.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace KentMedwayCommissioning.IntegrationTests.Admin;

/// <summary>An administrator starts an organisation in the browser: adds a body, then its people and seats from a CSV.</summary>
[Collection(nameof(SharedApp))]
public sealed class BulkStartTests(TestApp app) : IAsyncLifetime
{
    private const string Seats = """
        body,person,seat,category,voting,from
        west-kent-ccg,Asha Patel,Lay member,lay,yes,2019-04-01
        west-kent-ccg,Tom Okafor,GP member,clinical,yes,2019-04-01
        west-kent-ccg,Tom Okafor,Chair,clinical,yes,2019-04-01
        """;

    private Browsing _administrator = null!;

    public async Task InitializeAsync()
    {
        await app.ResetAsync();
        _administrator = new Browsing(app);
        await _administrator.SignInAsync(DemoAccounts.Administrator.Email, DemoAccounts.Password);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_preview_lists_every_row_and_writes_nothing()
    {
        var before = await CountsAsync();

        var preview = await PreviewAsync(Seats + "\nnowhere-ccg,Someone,Lay member,lay,yes,2019-04-01\nwest-kent-ccg,Someone,Lay member,bogus,yes,2019-04-01\n");

        var rows = preview.QuerySelectorAll("#plan tbody tr").Select(row => row.TextContent).ToList();
        Assert.Equal(5, rows.Count);
        Assert.Contains("Adds a new person and this seat", rows[0], StringComparison.Ordinal);
        Assert.Contains("Adds this seat", rows[2], StringComparison.Ordinal);
        Assert.Contains("No body has the address 'nowhere-ccg'", rows[3], StringComparison.Ordinal);
        Assert.Contains("Category must be one of: lay, clinical, officer, other", rows[4], StringComparison.Ordinal);
        Assert.NotNull(preview.QuerySelector("#fix-first"));
        Assert.Empty(preview.QuerySelectorAll("form[action*=Confirm]"));
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Confirming_adds_the_people_and_seats_and_the_same_file_twice_adds_nothing_twice()
    {
        var before = await CountsAsync();

        var confirmed = await ConfirmAsync(Seats);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal((before.People + 2, before.Seats + 3), await CountsAsync());
        var chair = await app.QueryDbAsync(db => db.Memberships.SingleAsync(seat => seat.Person.FullName == "Tom Okafor" && seat.Role == MemberRole.Chair));
        Assert.Equal(new DateOnly(2019, 4, 1), chair.From);
        Assert.True(chair.HasVote);

        var again = await PreviewAsync(Seats);
        Assert.All(again.QuerySelectorAll("#plan tbody tr"), row => Assert.Contains("already there", row.TextContent, StringComparison.Ordinal));
        Assert.NotNull(again.QuerySelector("#nothing-to-add"));
        var twice = await ConfirmAsync(Seats);
        Assert.Equal(HttpStatusCode.OK, twice.StatusCode);
        Assert.Equal((before.People + 2, before.Seats + 3), await CountsAsync());
    }

    [Theory]
    [InlineData("body,person,seat\nwest-kent-ccg,A,Chair\n", "The header row lacks category, voting, from")]
    [InlineData("", "Upload the file again: there is nothing to confirm")]
    [InlineData("body,person,seat,category,voting,from\nwest-kent-ccg,Asha Patel,Lay member,lay,maybe,2019-04-01\n", "refused")]
    public async Task A_file_with_problems_is_refused_and_nothing_is_added(string csv, string message)
    {
        var before = await CountsAsync();

        var response = await ConfirmAsync(csv);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, (await Browsing.ParseAsync(response)).QuerySelector(".nhsuk-error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task A_seat_overlapping_the_same_persons_seat_is_refused_in_the_preview()
    {
        await ConfirmAsync(Seats);

        var preview = await PreviewAsync("body,person,seat,category,voting,from,to\nwest-kent-ccg,Asha Patel,GP member,clinical,yes,2019-01-01,2019-12-31\n");

        Assert.Contains("already holds a seat on this body", preview.QuerySelector("#plan tbody tr")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_seat_starting_after_its_body_s_last_day_is_refused_in_the_preview()
    {
        var preview = await PreviewAsync("body,person,seat,category,voting,from\nwest-kent-ccg,Asha Patel,Lay member,lay,yes,2020-04-01\n");

        Assert.Contains("West Kent CCG ended on 31 March 2020", preview.QuerySelector("#plan tbody tr")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_administrator_adds_a_body_and_is_taken_to_its_rule()
    {
        var response = await _administrator.SubmitAsync("/bodies/new", new Dictionary<string, string>
        {
            ["Input.Name"] = "Dartford, Gravesham and Swanley CCG Shadow Board",
            ["Input.Kind"] = "ProgrammeBoard",
            ["Input.SubSystem"] = "",
            ["Input.ExistedFrom"] = "2020-04-01",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/bodies/dartford-gravesham-and-swanley-ccg-shadow-board/rule", response.Headers.Location!.OriginalString);
        var body = await app.QueryDbAsync(db => db.Bodies.SingleAsync(candidate => candidate.Slug == "dartford-gravesham-and-swanley-ccg-shadow-board"));
        Assert.Equal(BodyKind.ProgrammeBoard, body.Kind);
        Assert.Equal(new DateOnly(2020, 4, 1), body.ExistedFrom);
    }

    [Theory]
    [InlineData("West Kent CCG", "ClinicalCommissioningGroup", "", "Input.Name", "There is already a body called West Kent CCG")]
    [InlineData("A new board", "", "", "Input.Kind", "Choose what kind of body it is")]
    [InlineData("A new board", "ProgrammeBoard", "2019-01-01", "Input.ExistedTo", "The body must end on or after the day it starts")]
    public async Task A_body_with_bad_details_is_refused_by_the_field(string name, string kind, string existedTo, string field, string message)
    {
        var bodies = await app.QueryDbAsync(db => db.Bodies.CountAsync());

        var response = await _administrator.SubmitAsync("/bodies/new", new Dictionary<string, string>
        {
            ["Input.Name"] = name,
            ["Input.Kind"] = kind,
            ["Input.ExistedFrom"] = "2020-04-01",
            ["Input.ExistedTo"] = existedTo,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, (await Browsing.ParseAsync(response)).QuerySelector($"#{field.Replace('.', '-').ToLowerInvariant()}-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(bodies, await app.QueryDbAsync(db => db.Bodies.CountAsync()));
    }

    private async Task<AngleSharp.Dom.IDocument> PreviewAsync(string csv)
    {
        var page = await _administrator.GetPageAsync("/admin/bulk-start");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(page.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!), "__RequestVerificationToken" },
        };
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "seats.csv");
        var response = await _administrator.Client.PostAsync("/admin/bulk-start?handler=Preview", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Browsing.ParseAsync(response);
    }

    private async Task<HttpResponseMessage> ConfirmAsync(string csv)
    {
        var page = await _administrator.GetPageAsync("/admin/bulk-start");
        return await _administrator.Client.PostAsync("/admin/bulk-start?handler=Confirm", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Csv"] = csv,
            ["__RequestVerificationToken"] = page.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
        }));
    }

    private Task<(int People, int Seats)> CountsAsync() =>
        app.QueryDbAsync(async db => (await db.People.CountAsync(), await db.Memberships.CountAsync()));
}
