using KentMedwayCommissioning.Web.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace KentMedwayCommissioning.Web.Data.DemoData;

/// <summary>
/// Loads the papers' bodies, people and posts, the fictional members and the demo accounts. Every step looks for
/// what is already there by its natural key (slug, title, role), so loading twice changes nothing.
/// </summary>
public sealed class DemoDataLoader(
    AppDbContext db,
    UserManager<ApplicationUser> users,
    RoleManager<IdentityRole> roles,
    IHostEnvironment environment,
    ILogger<DemoDataLoader> logger)
{
    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        if (environment.IsProduction())
        {
            // Demo accounts have published passwords: a production database must never hold them.
            throw new InvalidOperationException("Demo data and its accounts are for Development only; refusing to load them in Production.");
        }

        var bodies = await LoadBodiesAsync(cancellationToken);
        var people = await LoadPeopleAsync(cancellationToken);
        await LoadPostsAndAppointmentsAsync(bodies, people, cancellationToken);
        await LoadMembershipsAsync(bodies, people, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);

        await LoadAccountsAsync(people);
        logger.LogInformation("Demo data loaded: {Bodies} bodies, {People} people", bodies.Count, people.Count);
    }

    private async Task<Dictionary<string, Body>> LoadBodiesAsync(CancellationToken cancellationToken)
    {
        var bodies = await db.Bodies.Include(body => body.MemberBodies).ToDictionaryAsync(body => body.Slug, cancellationToken);
        foreach (var fact in PapersData.Bodies)
        {
            var slug = Slug.From(fact.Name);
            if (!bodies.TryGetValue(slug, out var body))
            {
                body = new Body(fact.Name, fact.Kind, fact.SubSystem);
                body.Describe(fact.Description, fact.From, fact.To);
                db.Bodies.Add(body);
                bodies.Add(slug, body);
            }
        }

        var jcccg = bodies[Slug.From(PapersData.Jcccg)];
        foreach (var member in PapersData.JcccgMembers)
        {
            jcccg.AddMemberBody(bodies[Slug.From(member)]);
        }

        return bodies.Values.ToDictionary(body => body.Name);
    }

    private async Task<Dictionary<string, Person>> LoadPeopleAsync(CancellationToken cancellationToken)
    {
        var people = await db.People.ToDictionaryAsync(person => person.Slug, cancellationToken);

        void Ensure(string name, bool isFictional)
        {
            var slug = Slug.From(name);
            if (!people.ContainsKey(slug))
            {
                var person = new Person(name, isFictional);
                db.People.Add(person);
                people.Add(slug, person);
            }
        }

        foreach (var name in PapersData.People)
        {
            Ensure(name, isFictional: false);
        }

        foreach (var ccg in PapersData.EightCcgs)
        {
            foreach (var (name, _) in FictionalMembers.For(ccg))
            {
                Ensure(name, isFictional: true);
            }
        }

        Ensure(FictionalMembers.WestKentBoardSecretary, isFictional: true);
        return people.Values.ToDictionary(person => person.FullName);
    }

    private async Task LoadPostsAndAppointmentsAsync(Dictionary<string, Body> bodies, Dictionary<string, Person> people, CancellationToken cancellationToken)
    {
        var posts = await db.Posts.Include(post => post.Appointments).ToListAsync(cancellationToken);

        Post Ensure(string bodyName, string title, string source)
        {
            var body = bodies[bodyName];
            var post = posts.SingleOrDefault(existing => existing.Body == body && existing.Title == title);
            if (post is null)
            {
                post = new Post(body, title);
                post.CiteSource(source);
                db.Posts.Add(post);
                posts.Add(post);
            }

            return post;
        }

        foreach (var vacant in PapersData.VacantPosts)
        {
            Ensure(vacant.BodyName, vacant.Title, vacant.Source);
        }

        foreach (var fact in PapersData.Appointments)
        {
            var post = Ensure(fact.BodyName, fact.PostTitle, fact.Source);
            var person = people[fact.PersonName];
            if (!post.Appointments.Any(existing => existing.Person == person && existing.Kind == fact.Kind))
            {
                post.Appoint(person, fact.Kind, fact.From, source: fact.Source);
            }
        }
    }

    private async Task LoadMembershipsAsync(Dictionary<string, Body> bodies, Dictionary<string, Person> people, CancellationToken cancellationToken)
    {
        var memberships = await db.Memberships.ToListAsync(cancellationToken);

        void Ensure(string bodyName, string personName, MemberRole role, MemberBackground background, bool hasVote)
        {
            var body = bodies[bodyName];
            var person = people[personName];
            if (!memberships.Any(existing => existing.Body == body && existing.Person == person && existing.Role == role))
            {
                var membership = new Membership(body, person, role, background, hasVote, from: null);
                db.Memberships.Add(membership);
                memberships.Add(membership);
            }
        }

        foreach (var fact in PapersData.Memberships)
        {
            Ensure(fact.BodyName, fact.PersonName, fact.Role, fact.Background, fact.HasVote);
        }

        foreach (var ccg in PapersData.EightCcgs)
        {
            foreach (var (name, seat) in FictionalMembers.For(ccg))
            {
                Ensure(ccg, name, seat.Role, seat.Background, seat.HasVote);
            }
        }
    }

    private async Task LoadAccountsAsync(Dictionary<string, Person> people)
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)), $"create role {role}");
            }
        }

        foreach (var account in DemoAccounts.All)
        {
            if (await users.FindByEmailAsync(account.Email) is not null)
            {
                continue;
            }

            var user = new ApplicationUser
            {
                UserName = account.Email,
                Email = account.Email,
                EmailConfirmed = true,
                DisplayName = account.DisplayName,
                PersonId = account.PersonName is null ? null : people[account.PersonName].Id,
            };
            Check(await users.CreateAsync(user, DemoAccounts.Password), $"create {account.Email}");
            Check(await users.AddToRoleAsync(user, account.Role), $"give {account.Email} the role {account.Role}");
        }
    }

    private static void Check(IdentityResult result, string action)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not {action}: {string.Join("; ", result.Errors.Select(error => error.Description))}");
        }
    }
}
