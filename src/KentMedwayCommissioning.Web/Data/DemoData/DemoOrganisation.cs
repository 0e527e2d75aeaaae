using KentMedwayCommissioning.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace KentMedwayCommissioning.Web.Data.DemoData;

/// <summary>The papers' bodies, people, posts and appointments, and the seats on the governing bodies (with the fictional members that make them quorate).</summary>
internal static class DemoOrganisation
{
    /// <summary>Loads the organisation and gives its bodies and people by name, for the areas loaded after it.</summary>
    public static async Task<(Dictionary<string, Body> Bodies, Dictionary<string, Person> People)> LoadAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var bodies = await LoadBodiesAsync(db, cancellationToken);
        var people = await LoadPeopleAsync(db, cancellationToken);
        await LoadPostsAndAppointmentsAsync(db, bodies, people, cancellationToken);
        await LoadSeatsAsync(db, bodies, people, cancellationToken);
        return (bodies, people);
    }

    private static async Task<Dictionary<string, Body>> LoadBodiesAsync(AppDbContext db, CancellationToken cancellationToken)
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
            EnsureMember(jcccg, bodies[Slug.From(member)]);
        }

        var strategicJointCommittee = bodies[Slug.From(PapersData.StrategicCommissionerJointCommittee)];
        foreach (var member in PapersData.StrategicCommissionerJointCommitteeMembers)
        {
            EnsureMember(strategicJointCommittee, bodies[Slug.From(member)]);
        }

        foreach (var remit in PapersData.Remits)
        {
            var body = bodies[Slug.From(remit.BodyName)];
            if (body.TermsOfReference is null)
            {
                body.SetRemit(remit.TermsOfReference, remit.MeetsInPublic);
            }
        }

        return bodies.Values.ToDictionary(body => body.Name);
    }

    /// <summary>
    /// The papers give no day a body joined a committee, so the membership starts undated; it ends on the member body's
    /// last day (the eight CCGs' on 31 March 2020), in the same from/to the committee's members page writes. The papers
    /// do not say the single CCG joined either committee, so it is not added.
    /// </summary>
    private static void EnsureMember(Body committee, Body member)
    {
        committee.AddMemberBody(member);
        var membership = committee.MemberBodies.Single(existing => existing.MemberBody == member && existing.From == null);
        if (member.ExistedTo is { } lastDay && membership.To is null)
        {
            membership.End(lastDay);
        }
    }

    private static async Task<Dictionary<string, Person>> LoadPeopleAsync(AppDbContext db, CancellationToken cancellationToken)
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

        foreach (var ccg in FictionalMembers.Ccgs)
        {
            foreach (var (name, _) in FictionalMembers.For(ccg))
            {
                Ensure(name, isFictional: true);
            }
        }

        Ensure(FictionalMembers.BoardSecretary, isFictional: true);
        return people.Values.ToDictionary(person => person.FullName);
    }

    private static async Task LoadPostsAndAppointmentsAsync(AppDbContext db, Dictionary<string, Body> bodies, Dictionary<string, Person> people, CancellationToken cancellationToken)
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
                post.Appoint(person, fact.Kind, fact.From, source: fact.Source, fromPrecision: fact.FromPrecision);
            }
        }
    }

    private static async Task LoadSeatsAsync(AppDbContext db, Dictionary<string, Body> bodies, Dictionary<string, Person> people, CancellationToken cancellationToken)
    {
        var memberships = await db.Memberships.ToListAsync(cancellationToken);

        void Ensure(string bodyName, string personName, MemberRole role, MemberBackground background, bool hasVote, DateOnly? from = null)
        {
            var body = bodies[bodyName];
            var person = people[personName];
            if (!memberships.Any(existing => existing.Body == body && existing.Person == person && existing.Role == role))
            {
                var membership = new Membership(body, person, role, background, hasVote, from);
                db.Memberships.Add(membership);
                memberships.Add(membership);
            }
        }

        foreach (var fact in PapersData.Memberships)
        {
            Ensure(fact.BodyName, fact.PersonName, fact.Role, fact.Background, fact.HasVote);
        }

        // An invented seat starts when its body does: the single CCG's from 1 April 2020, the eight CCGs' undated as the papers leave them.
        foreach (var ccg in FictionalMembers.Ccgs)
        {
            foreach (var (name, seat) in FictionalMembers.For(ccg))
            {
                Ensure(ccg, name, seat.Role, seat.Background, seat.HasVote, bodies[ccg].ExistedFrom);
            }
        }
    }
}
