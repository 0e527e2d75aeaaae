using KentMedwayCommissioning.TestSupport;
using KentMedwayCommissioning.Web.Data;
using KentMedwayCommissioning.Web.Data.DemoData;
using KentMedwayCommissioning.Web.Domain;
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
