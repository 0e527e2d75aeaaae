using KentMedwayCommissioning.Web.Data;
using KentMedwayCommissioning.Web.Domain;
using KentMedwayCommissioning.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KentMedwayCommissioning.Web.Pages.People;

[AllowAnonymous]
public sealed class DetailsModel(ISender sender, CurrentUser user) : PageModel
{
    public PersonDetails Person { get; private set; } = null!;

    public PublicRecord.Record Record { get; private set; } = null!;

    /// <summary>Administrators see the person's history of changes, and people not listed in public.</summary>
    public bool IsAdministrator => user.IsAdministrator;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var person = await sender.Send(new Query(slug), cancellationToken);
        // Someone not listed in public answers as if there were no such person, except to administrators.
        if (person is null || (!person.IsPublic && !user.IsAdministrator))
        {
            return NotFound();
        }

        Person = person;
        Record = (await sender.Send(new PublicRecord.Query(slug), cancellationToken))!;
        return Page();
    }

    public sealed record Query(string Slug) : IQuery<PersonDetails?>;

    public sealed record PersonDetails(string FullName, bool IsFictional, bool IsPublic, IReadOnlyList<PostHeld> Posts, IReadOnlyList<Seat> Memberships, IReadOnlyList<Change> History)
    {
        /// <summary>The names the person was known by before, each with the day the next name took effect, latest first.</summary>
        public IEnumerable<Change> FormerNames => History.Where(change => change.FormerName is not null);
    }

    public sealed record Change(string What, string? FormerName, DateOnly EffectiveOn, string Reason);

    public sealed record PostHeld(string Title, string BodyName, string BodySlug, AppointmentKind Kind, DateOnly? From, DateOnly? To, DatePrecision FromPrecision, string? Source);

    public sealed record Seat(string BodyName, string BodySlug, MemberRole Role, MemberBackground Background, bool HasVote, DateOnly? From, DateOnly? To);

    internal sealed class Handler([FromKeyedServices(ReadDb.Key)] AppDbContext db) : IQueryHandler<Query, PersonDetails?>
    {
        public async ValueTask<PersonDetails?> Handle(Query query, CancellationToken cancellationToken)
        {
            var person = await db.People
                .AsNoTracking()
                .Where(person => person.Slug == query.Slug)
                .Select(person => new { person.Id, person.FullName, person.IsFictional, person.IsPublic })
                .SingleOrDefaultAsync(cancellationToken);
            if (person is null)
            {
                return null;
            }

            // Over time: earliest first, with undated (as-at-the-papers) appointments before dated ones.
            var posts = await db.Appointments
                .AsNoTracking()
                .Where(appointment => appointment.PersonId == person.Id)
                .OrderBy(appointment => appointment.From != null)
                .ThenBy(appointment => appointment.From)
                .ThenBy(appointment => appointment.Post.Body.Name)
                .Select(appointment => new PostHeld(
                    appointment.Post.Title,
                    appointment.Post.Body.Name,
                    appointment.Post.Body.Slug,
                    appointment.Kind,
                    appointment.From,
                    appointment.To,
                    appointment.FromPrecision,
                    appointment.Source))
                .ToListAsync(cancellationToken);

            var seats = await db.Memberships
                .AsNoTracking()
                .Where(membership => membership.PersonId == person.Id)
                .OrderBy(membership => membership.Body.Name)
                .Select(membership => new Seat(
                    membership.Body.Name,
                    membership.Body.Slug,
                    membership.Role,
                    membership.Background,
                    membership.HasVote,
                    membership.From,
                    membership.To))
                .ToListAsync(cancellationToken);

            var history = await db.PersonChanges
                .AsNoTracking()
                .Where(change => change.PersonId == person.Id)
                .OrderByDescending(change => change.EffectiveOn)
                .ThenByDescending(change => change.RecordedAt)
                .Select(change => new Change(change.Change, change.FormerName, change.EffectiveOn, change.Reason))
                .ToListAsync(cancellationToken);

            return new PersonDetails(person.FullName, person.IsFictional, person.IsPublic, posts, seats, history);
        }
    }
}
