using KentMedwayCommissioning.Web.Data;
using KentMedwayCommissioning.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KentMedwayCommissioning.Web.Pages.People;

[AllowAnonymous]
public sealed class IndexModel(ISender sender, CurrentUser user) : PageModel
{
    public IReadOnlyList<PersonSummary> NamedInPapers { get; private set; } = [];
    public IReadOnlyList<PersonSummary> Fictional { get; private set; } = [];

    /// <summary>People not listed in public: shown to administrators only, who can change that.</summary>
    public IReadOnlyList<PersonSummary> NotPublic { get; private set; } = [];

    public bool IsAdministrator => user.IsAdministrator;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var people = await sender.Send(new Query(IncludeNotPublic: user.IsAdministrator), cancellationToken);
        NamedInPapers = people.Where(person => person is { IsPublic: true, IsFictional: false }).ToList();
        Fictional = people.Where(person => person is { IsPublic: true, IsFictional: true }).ToList();
        NotPublic = people.Where(person => !person.IsPublic).ToList();
    }

    public sealed record Query(bool IncludeNotPublic) : IQuery<IReadOnlyList<PersonSummary>>;

    public sealed record PersonSummary(string FullName, string Slug, bool IsFictional, bool IsPublic, int Posts, int Memberships);

    internal sealed class Handler([FromKeyedServices(ReadDb.Key)] AppDbContext db) : IQueryHandler<Query, IReadOnlyList<PersonSummary>>
    {
        public async ValueTask<IReadOnlyList<PersonSummary>> Handle(Query query, CancellationToken cancellationToken) =>
            await db.People
                .AsNoTracking()
                .Where(person => query.IncludeNotPublic || person.IsPublic)
                .OrderBy(person => person.FullName)
                .Select(person => new PersonSummary(
                    person.FullName,
                    person.Slug,
                    person.IsFictional,
                    person.IsPublic,
                    db.Appointments.Count(appointment => appointment.PersonId == person.Id),
                    db.Memberships.Count(membership => membership.PersonId == person.Id)))
                .ToListAsync(cancellationToken);
    }
}
