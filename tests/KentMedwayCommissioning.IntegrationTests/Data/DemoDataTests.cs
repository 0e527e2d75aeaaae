using System.Globalization;
using System.Net;
using KentMedwayCommissioning.TestSupport;
using KentMedwayCommissioning.Web.Data;
using KentMedwayCommissioning.Web.Data.DemoData;
using KentMedwayCommissioning.Web.Domain;
using KentMedwayCommissioning.Web.Domain.Meetings;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace KentMedwayCommissioning.IntegrationTests.Data;

[Collection(nameof(SharedApp))]
public sealed class DemoDataTests(TestApp app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Loading_twice_leaves_the_same_counts()
    {
        var before = await CountsAsync();

        await app.LoadDemoDataAsync();

        Assert.Equal(before, await CountsAsync());
        Assert.Equal(PapersData.Bodies.Count, before.Bodies);
        Assert.Equal(DemoAccounts.All.Count, before.Users);
    }

    [Fact]
    public async Task Every_transitional_role_in_the_papers_is_there_from_February_2018()
    {
        var roles = await app.QueryDbAsync(db => db.Appointments
            .Where(appointment => appointment.Kind == AppointmentKind.Transitional)
            .Select(appointment => new { appointment.Person.FullName, appointment.Post.Title, appointment.From })
            .ToListAsync());

        var expected = new[]
        {
            ("Ian Ayres", "Medway, North and West Kent Managing Director"),
            ("Patricia Davies", "Director of Acute Strategy"),
            ("Simon Perks", "Medway, North and West Kent Deputy Managing Director"),
            ("Caroline Selkirk", "East Kent Managing Director"),
            ("Hazel Smith", "Director of Partnerships"),
        };
        Assert.Equal(expected.Order(), roles.Select(role => (role.FullName, role.Title)).Order());
        Assert.All(roles, role => Assert.Equal(new DateOnly(2018, 2, 1), role.From));
    }

    [Fact]
    public async Task Every_accountable_officer_in_the_papers_holds_the_post_and_sits_on_the_governing_body()
    {
        var holders = await app.QueryDbAsync(db => db.Appointments
            .Where(appointment => appointment.Kind == AppointmentKind.Substantive && appointment.Post.Title == PapersData.AccountableOfficerTitle)
            .Select(appointment => new { Body = appointment.Post.Body.Name, Person = appointment.Person.FullName })
            .ToListAsync());
        var members = await app.QueryDbAsync(db => db.Memberships
            .Where(membership => membership.Role == MemberRole.AccountableOfficer)
            .Select(membership => new { Body = membership.Body.Name, Person = membership.Person.FullName })
            .ToListAsync());

        var expected = new[]
        {
            new { Body = "Ashford CCG", Person = "Simon Perks" },
            new { Body = "Canterbury and Coastal CCG", Person = "Simon Perks" },
            new { Body = "South Kent Coast CCG", Person = "Hazel Smith" },
            new { Body = "Thanet CCG", Person = "Hazel Smith" },
            new { Body = "Dartford, Gravesham and Swanley CCG", Person = "Patricia Davies" },
            new { Body = "Swale CCG", Person = "Patricia Davies" },
            new { Body = "Medway CCG", Person = "Caroline Selkirk" },
            new { Body = "West Kent CCG", Person = "Ian Ayres" },
        }.OrderBy(row => row.Body).ToList();
        Assert.Equal(expected, holders.OrderBy(row => row.Body).ToList());
        Assert.Equal(expected, members.OrderBy(row => row.Body).ToList());
    }

    [Fact]
    public async Task The_interim_posts_nobody_fills_are_there_and_vacant()
    {
        var vacant = await app.QueryDbAsync(db => db.Posts
            .Where(post => !post.Appointments.Any(appointment => appointment.Kind == AppointmentKind.Substantive))
            .Select(post => post.Title)
            .ToListAsync());

        Assert.Superset(
            new HashSet<string>
            {
                "Accountable Officer for all Kent and Medway CCGs", "Director of Strategic Commissioning Partnerships",
                "Director of Nursing and Quality", "STP Medical Director", "STP Programme Director", "Chief Financial Officer",
            },
            vacant.ToHashSet());
    }

    [Fact]
    public async Task Only_people_not_named_in_the_papers_are_marked_fictional()
    {
        var people = await app.QueryDbAsync(db => db.People.Select(person => new { person.FullName, person.IsFictional }).ToListAsync());

        Assert.Equal(PapersData.People.Order(), people.Where(person => !person.IsFictional).Select(person => person.FullName).Order());
        Assert.Equal(FictionalMembers.Ccgs.Count * FictionalMembers.GoverningBodySeats.Count + 1, people.Count(person => person.IsFictional));
    }

    [Fact]
    public async Task The_demo_secretary_runs_the_single_ccg_and_schedules_a_meeting_and_adds_a_seat_on_it_from_today()
    {
        var body = Slug.From(DemoAccounts.Body);
        var today = UkCalendar.Today(TimeProvider.System);
        var newcomer = FictionalMembers.For(PapersData.MedwayCcg).First(member => member.Seat.Role == MemberRole.GpMember).Name;
        var browser = new Browsing(app);
        await browser.SignInAsync(DemoAccounts.BoardSecretary.Email, DemoAccounts.Password);

        var dashboard = await browser.GetPageAsync("/dashboard");
        var scheduled = await browser.SubmitAsync($"/bodies/{body}/meetings", new Dictionary<string, string>
        {
            ["Schedule.Title"] = "Governing body meeting in public",
            ["Schedule.StartsAt"] = today.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T10:00",
            ["Schedule.Place"] = "Kent and Medway CCG offices",
        });
        var seated = await browser.SubmitAsync($"/bodies/{body}/seats", new Dictionary<string, string>
        {
            ["Input.PersonSlug"] = Slug.From(newcomer),
            ["Input.Role"] = nameof(MemberRole.GpMember),
            ["Input.Background"] = nameof(MemberBackground.Clinical),
            ["Input.HasVote"] = "true",
            ["Input.From"] = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        });

        Assert.Equal(PapersData.SingleCcg, DemoAccounts.Body);
        Assert.Contains(DecisionsData.DemoMeetingInProgress, dashboard.QuerySelector("#meetings-to-run + ul")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, scheduled.StatusCode);
        Assert.True(await app.QueryDbAsync(db => db.Meetings.AnyAsync(meeting => meeting.Body!.Slug == body && meeting.Title == "Governing body meeting in public" && meeting.Status == MeetingStatus.Planned)));
        Assert.Equal(HttpStatusCode.Redirect, seated.StatusCode);
        Assert.True(await app.QueryDbAsync(db => db.Memberships.AnyAsync(membership => membership.Body.Slug == body && membership.Person.FullName == newcomer && membership.From == today)));
    }

    [Fact]
    public async Task The_demo_members_sit_on_the_single_ccg_from_its_first_day_and_its_meetings_are_of_today()
    {
        var seats = await app.QueryDbAsync(db => db.Memberships
            .Where(membership => membership.Body.Name == DemoAccounts.Body)
            .Select(membership => new { membership.Person.FullName, membership.From, membership.To })
            .ToListAsync());
        var meetings = await app.QueryDbAsync(db => db.Meetings
            .Where(meeting => meeting.IsFictional)
            .Select(meeting => new { Body = meeting.Body!.Name, meeting.Title, meeting.Status })
            .ToListAsync());

        Assert.Equal(FictionalMembers.For(DemoAccounts.Body).Select(member => member.Name).Order(), seats.Select(seat => seat.FullName).Order());
        Assert.All(seats, seat => Assert.Equal((PapersData.SingleCcgLive, (DateOnly?)null), (seat.From!.Value, seat.To)));
        Assert.Contains(DemoAccounts.GpMember.PersonName, seats.Select(seat => seat.FullName));
        Assert.All(meetings, meeting => Assert.Equal(DemoAccounts.Body, meeting.Body));
        Assert.Equal(
            new[] { (DecisionsData.DemoPreviousMeeting, MeetingStatus.Closed), (DecisionsData.DemoMeetingInProgress, MeetingStatus.InProgress), (DecisionsData.DemoPlannedMeeting, MeetingStatus.Planned) }.Order(),
            meetings.Select(meeting => (meeting.Title, meeting.Status)).Order());
    }

    [Fact]
    public async Task The_jcccg_has_the_ten_members_the_papers_give_until_the_eight_ccgs_ended_and_the_two_neighbours_today()
    {
        var memberships = await app.QueryDbAsync(db => db.JointCommitteeMembers
            .Where(member => member.Committee.Name == PapersData.Jcccg)
            .Select(member => new { member.MemberBody.Name, member.From, member.To })
            .ToListAsync());
        IEnumerable<string> MembersOn(DateOnly day) => memberships.Where(member => Dated.Covers(member.From, member.To, day)).Select(member => member.Name).Order();

        // The JCCCG met on 31 January 2018 as the eight Kent and Medway CCGs plus Bexley and High Weald Lewes Havens.
        Assert.Equal(PapersData.JcccgMembers.Order(), MembersOn(new DateOnly(2018, 1, 31)));
        Assert.Equal(PapersData.JcccgMembers.Order(), MembersOn(PapersData.EightCcgsClose));
        Assert.Equal([PapersData.Bexley, PapersData.HighWeald], MembersOn(PapersData.SingleCcgLive));
        Assert.Equal([PapersData.Bexley, PapersData.HighWeald], MembersOn(UkCalendar.Today(TimeProvider.System)));
        // The papers do not say the single CCG joined it.
        Assert.DoesNotContain(PapersData.SingleCcg, memberships.Select(member => member.Name));
        Assert.All(memberships, member => Assert.Null(member.From));
    }

    [Fact]
    public async Task Refuses_to_load_demo_accounts_in_production()
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var loader = new DemoDataLoader(
            services.GetRequiredService<AppDbContext>(),
            services.GetRequiredService<UserManager<ApplicationUser>>(),
            services.GetRequiredService<RoleManager<IdentityRole>>(),
            new ProductionEnvironment(),
            TimeProvider.System,
            NullLogger<DemoDataLoader>.Instance);
        var usersBefore = await app.QueryDbAsync(db => db.Users.CountAsync());

        var refusal = await Assert.ThrowsAsync<InvalidOperationException>(() => loader.LoadAsync(CancellationToken.None));

        Assert.Contains("Production", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(usersBefore, await app.QueryDbAsync(db => db.Users.CountAsync()));
    }

    private Task<Counts> CountsAsync() => app.QueryDbAsync(async db => new Counts(
        await db.Bodies.CountAsync(),
        await db.JointCommitteeMembers.CountAsync(),
        await db.People.CountAsync(),
        await db.Posts.CountAsync(),
        await db.Appointments.CountAsync(),
        await db.Memberships.CountAsync(),
        await db.Users.CountAsync(),
        await db.Roles.CountAsync()));

    private sealed record Counts(int Bodies, int JointCommitteeSeats, int People, int Posts, int Appointments, int Memberships, int Users, int Roles);

    private sealed class ProductionEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = Environments.Production;
        public string ApplicationName { get; set; } = "KentMedwayCommissioning.Web";
        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
