using System.Globalization;
using System.Net;
using KentMedwayCommissioning.TestSupport;
using KentMedwayCommissioning.Web.Data.DemoData;
using KentMedwayCommissioning.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace KentMedwayCommissioning.IntegrationTests.Posts;

[Collection(nameof(SharedApp))]
public sealed class AppointmentsTests(TestApp app) : IAsyncLifetime
{
    private const int EndForm = 1;
    private static readonly DateOnly Established = new(2024, 4, 1);
    private readonly Browsing _browser = new(app);

    public async Task InitializeAsync()
    {
        await app.ResetAsync();
        await _browser.SignInAsync(DemoAccounts.Administrator.Email, DemoAccounts.Password);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_new_post_shows_as_vacant_since_it_was_established_until_someone_is_appointed_substantively()
    {
        var page = await AddPostAsync("posts-test-board", "Chief Nurse");

        var text = (await _browser.GetPageAsync(page)).MainText();
        Assert.Contains("Vacant", text, StringComparison.Ordinal);
        Assert.Contains($"since {Display(Established)}", text, StringComparison.Ordinal);

        var person = await PersonAsync();
        var response = await _browser.SubmitAsync(page, AppointFields(person, AppointmentKind.Substantive, new DateOnly(2024, 6, 1)));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = (await _browser.GetPageAsync(page)).MainText();
        Assert.Contains("Held substantively", after, StringComparison.Ordinal);
        Assert.Contains("The appointment has been recorded.", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_post_of_the_same_title_on_the_body_is_refused_next_to_the_title()
    {
        await AddPostAsync("posts-test-board", "Chief Nurse");

        var response = await _browser.SubmitAsync("/posts/new", PostFields("posts-test-board", "Chief Nurse"));

        await AssertRefusedAsync(response, "input-title", "Posts Test Board already has a post of Chief Nurse");
    }

    [Fact]
    public async Task An_appointment_overlapping_the_person_s_appointment_to_the_post_is_refused_next_to_its_start()
    {
        var page = await AddPostAsync("posts-test-board", "Chief Nurse");
        var person = await PersonAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await _browser.SubmitAsync(page, AppointFields(person, AppointmentKind.Substantive, new DateOnly(2024, 6, 1)))).StatusCode);

        var response = await _browser.SubmitAsync(page, AppointFields(person, AppointmentKind.Transitional, new DateOnly(2025, 1, 1)));

        await AssertRefusedAsync(response, "input-from", "This person already holds this post (from 1 June 2024)");
        Assert.Equal(1, await AppointmentsToAsync(page));
    }

    [Fact]
    public async Task Dates_out_of_order_are_refused_next_to_the_end()
    {
        var page = await AddPostAsync("posts-test-board", "Chief Nurse");
        var fields = AppointFields(await PersonAsync(), AppointmentKind.Substantive, new DateOnly(2025, 1, 1));
        fields["Input.To"] = "2024-12-31";

        await AssertRefusedAsync(await _browser.SubmitAsync(page, fields), "input-to", "The appointment must end on or after the day it starts");
        Assert.Equal(0, await AppointmentsToAsync(page));
    }

    [Fact]
    public async Task Appointing_to_a_post_of_a_body_that_has_ended_is_refused_next_to_the_start()
    {
        var page = await AddPostAsync("ended-test-board", "Chief Nurse", endedOn: new DateOnly(2025, 3, 31));

        var response = await _browser.SubmitAsync(page, AppointFields(await PersonAsync(), AppointmentKind.Substantive, new DateOnly(2025, 4, 1)));

        await AssertRefusedAsync(response, "input-from", "Ended Test Board ended on 31 March 2025");
        Assert.Equal(0, await AppointmentsToAsync(page));
    }

    [Fact]
    public async Task Ending_an_appointment_before_it_began_is_refused_and_ending_it_keeps_the_reason_and_leaves_the_post_vacant()
    {
        var page = await AddPostAsync("posts-test-board", "Chief Nurse");
        Assert.Equal(HttpStatusCode.Redirect, (await _browser.SubmitAsync(page, AppointFields(await PersonAsync(), AppointmentKind.Substantive, new DateOnly(2024, 6, 1)))).StatusCode);
        var appointmentId = await app.QueryDbAsync(db => db.Appointments.Where(appointment => appointment.Post.Title == "Chief Nurse" && appointment.Post.Body.Slug == "posts-test-board").Select(appointment => appointment.Id).SingleAsync());

        await AssertRefusedAsync(await _browser.SubmitAsync(page, EndFields(appointmentId, new DateOnly(2024, 5, 31), "Never started"), EndForm), "ending-lastday", "The last day cannot be before the appointment began (1 June 2024)");
        Assert.Equal(0, await app.QueryDbAsync(db => db.AppointmentChanges.CountAsync()));

        var lastDay = new DateOnly(2025, 9, 30);
        var response = await _browser.SubmitAsync(page, EndFields(appointmentId, lastDay, "Retired"), EndForm);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(lastDay, await app.QueryDbAsync(db => db.Appointments.Where(appointment => appointment.Id == appointmentId).Select(appointment => appointment.To).SingleAsync()));
        var text = (await _browser.GetPageAsync(page)).MainText();
        Assert.Contains("Retired", text, StringComparison.Ordinal);
        Assert.Contains($"since {Display(lastDay)}", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ending_an_appointment_without_a_reason_is_refused_next_to_the_reason()
    {
        var page = await AddPostAsync("posts-test-board", "Chief Nurse");
        Assert.Equal(HttpStatusCode.Redirect, (await _browser.SubmitAsync(page, AppointFields(await PersonAsync(), AppointmentKind.Substantive, new DateOnly(2024, 6, 1)))).StatusCode);
        var appointmentId = await app.QueryDbAsync(db => db.Appointments.Where(appointment => appointment.Post.Body.Slug == "posts-test-board").Select(appointment => appointment.Id).SingleAsync());

        await AssertRefusedAsync(await _browser.SubmitAsync(page, EndFields(appointmentId, new DateOnly(2025, 1, 1), ""), EndForm), "ending-reason", "Say why");
        Assert.Null(await app.QueryDbAsync(db => db.Appointments.Where(appointment => appointment.Id == appointmentId).Select(appointment => appointment.To).SingleAsync()));
    }

    /// <summary>Adds a body (through its own page) and a post on it, and gives the post's appointments page.</summary>
    private async Task<string> AddPostAsync(string bodySlug, string title, DateOnly? endedOn = null)
    {
        if (!await app.QueryDbAsync(db => db.Bodies.AnyAsync(body => body.Slug == bodySlug)))
        {
            var body = new Dictionary<string, string>
            {
                ["Input.Name"] = CultureInfo.InvariantCulture.TextInfo.ToTitleCase(bodySlug.Replace('-', ' ')),
                ["Input.Kind"] = nameof(BodyKind.ProgrammeBoard),
                ["Input.SubSystem"] = "",
                ["Input.ExistedFrom"] = "2020-04-01",
                ["Input.ExistedTo"] = endedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
            };
            Assert.Equal(HttpStatusCode.Redirect, (await _browser.SubmitAsync("/bodies/new", body)).StatusCode);
        }

        var response = await _browser.SubmitAsync("/posts/new", PostFields(bodySlug, title));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!.OriginalString;
    }

    private Task<int> AppointmentsToAsync(string page)
    {
        var postId = int.Parse(page.Split('/')[2], CultureInfo.InvariantCulture);
        return app.QueryDbAsync(db => db.Appointments.CountAsync(appointment => appointment.PostId == postId));
    }

    private Task<string> PersonAsync() =>
        app.QueryDbAsync(db => db.People.OrderBy(person => person.Slug).Select(person => person.Slug).FirstAsync());

    private static string Display(DateOnly day) => day.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    private static async Task AssertRefusedAsync(HttpResponseMessage response, string fieldId, string messageStart)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Browsing.ParseAsync(response);
        Assert.StartsWith(messageStart, page.QuerySelector($"#{fieldId}-error")!.TextContent.Replace("Error:", "", StringComparison.Ordinal).Trim(), StringComparison.Ordinal);
        Assert.StartsWith("Error: ", page.Title, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> PostFields(string bodySlug, string title) => new()
    {
        ["Input.BodySlug"] = bodySlug,
        ["Input.Title"] = title,
        ["Input.EstablishedOn"] = Established.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["Input.Source"] = "Board paper, April 2024",
    };

    private static Dictionary<string, string> AppointFields(string personSlug, AppointmentKind kind, DateOnly from) => new()
    {
        ["Input.PersonSlug"] = personSlug,
        ["Input.Kind"] = kind.ToString(),
        ["Input.From"] = from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    private static Dictionary<string, string> EndFields(int appointmentId, DateOnly lastDay, string reason) => new()
    {
        ["Ending.AppointmentId"] = appointmentId.ToString(CultureInfo.InvariantCulture),
        ["Ending.LastDay"] = lastDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["Ending.Reason"] = reason,
    };
}
