using KentMedwayCommissioning.Web.Data;
using KentMedwayCommissioning.Web.Domain;
using KentMedwayCommissioning.Web.Domain.Registers;
using KentMedwayCommissioning.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KentMedwayCommissioning.Web.Pages.Registers;

/// <summary>
/// The published register of interests: decision-making staff's declared interests, each until 6 months after it
/// ends. Older entries are kept (not shown) until the retention job removes them after 6 years.
/// </summary>
[AllowAnonymous]
public sealed class InterestsModel(ISender sender) : PageModel
{
    public IReadOnlyList<Row> Interests { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Interests = await (await sender.Send(new Query(), cancellationToken)).ToListAsync(cancellationToken);

    /// <summary>The register's rows, read from the database as they are enumerated (so its CSV streams).</summary>
    public sealed record Query : IQuery<IAsyncEnumerable<Row>>;

    public sealed record Row(
        int Id,
        string PersonName,
        string PersonSlug,
        bool PersonIsFictional,
        InterestKind Kind,
        string Description,
        string? Touches,
        DateOnly? From,
        DateOnly? To,
        DateOnly DeclaredOn,
        string? Management)
    {
        public bool IsDeclaredLate => ConflictsOfInterestGuidance.IsDeclaredLate(From, DeclaredOn);
    }

    internal sealed class Handler([FromKeyedServices(ReadDb.Key)] AppDbContext db, TimeProvider clock) : IQueryHandler<Query, IAsyncEnumerable<Row>>
    {
        public ValueTask<IAsyncEnumerable<Row>> Handle(Query query, CancellationToken cancellationToken)
        {
            var today = UkCalendar.Today(clock);
            var endedOnOrAfter = ConflictsOfInterestGuidance.PublishedIfEndedOnOrAfter(today);
            var staff = DecisionMakingStaff.PersonIds(db, today);
            return ValueTask.FromResult(db.Interests
                .AsNoTracking()
                .Where(interest => staff.Contains(interest.PersonId) && (interest.To == null || interest.To >= endedOnOrAfter))
                .OrderBy(interest => interest.Person!.FullName)
                .ThenByDescending(interest => interest.DeclaredOn)
                .ThenByDescending(interest => interest.Id)
                .Select(interest => new Row(
                    interest.Id,
                    interest.Person!.FullName,
                    interest.Person.Slug,
                    interest.Person.IsFictional,
                    interest.Kind,
                    interest.Description,
                    interest.Touches,
                    interest.From,
                    interest.To,
                    interest.DeclaredOn,
                    interest.Management))
                .AsAsyncEnumerable());
        }
    }
}
