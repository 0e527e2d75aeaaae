using KentMedwayCommissioning.Web.Data;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KentMedwayCommissioning.Web.Pages.People;

[AllowAnonymous]
public sealed class IndexModel(ISender sender) : PageModel
{
    public IReadOnlyList<PersonSummary> NamedInPapers { get; private set; } = [];
    public IReadOnlyList<PersonSummary> Fictional { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var people = await sender.Send(new Query(), cancellationToken);
        NamedInPapers = people.Where(person => !person.IsFictional).ToList();
        Fictional = people.Where(person => person.IsFictional).ToList();
    }

    public sealed record Query : IQuery<IReadOnlyList<PersonSummary>>;

    public sealed record PersonSummary(string FullName, string Slug, bool IsFictional, int Posts, int Memberships);

    internal sealed class Handler(AppDbContext db) : IQueryHandler<Query, IReadOnlyList<PersonSummary>>
    {
        public async ValueTask<IReadOnlyList<PersonSummary>> Handle(Query query, CancellationToken cancellationToken) =>
            await db.People
                .AsNoTracking()
                .OrderBy(person => person.FullName)
                .Select(person => new PersonSummary(
                    person.FullName,
                    person.Slug,
                    person.IsFictional,
                    db.Appointments.Count(appointment => appointment.PersonId == person.Id),
                    db.Memberships.Count(membership => membership.PersonId == person.Id)))
                .ToListAsync(cancellationToken);
    }
}
