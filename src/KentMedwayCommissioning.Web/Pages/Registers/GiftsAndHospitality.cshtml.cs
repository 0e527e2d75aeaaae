using KentMedwayCommissioning.Web.Data;
using KentMedwayCommissioning.Web.Domain.Registers;
using KentMedwayCommissioning.Web.Domain;
using KentMedwayCommissioning.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KentMedwayCommissioning.Web.Pages.Registers;

/// <summary>
/// The published register of gifts and hospitality: offers to decision-making staff that the guidance asks to be
/// declared (small offers that may simply be accepted are not), accepted or declined, for the 6 years they are kept.
/// </summary>
[AllowAnonymous]
public sealed class GiftsAndHospitalityModel(ISender sender) : PageModel
{
    public IReadOnlyList<Row> Offers { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Offers = await (await sender.Send(new Query(), cancellationToken)).ToListAsync(cancellationToken);

    /// <summary>The register's rows, read from the database as they are enumerated (so its CSV streams).</summary>
    public sealed record Query : IQuery<IAsyncEnumerable<Row>>;

    public sealed record Row(
        int Id,
        string PersonName,
        string PersonSlug,
        OfferKind Kind,
        string Description,
        string Giver,
        bool GiverIsSupplier,
        decimal Value,
        DateOnly OfferedOn,
        bool Accepted,
        string? SeniorApproval,
        DateOnly DeclaredOn,
        bool IsFictional)
    {
        public OfferAssessment Assessment => GiftsAndHospitalityRules.Assess(Kind, Value, GiverIsSupplier);
    }

    internal sealed class Handler([FromKeyedServices(ReadDb.Key)] AppDbContext db, TimeProvider clock) : IQueryHandler<Query, IAsyncEnumerable<Row>>
    {
        public ValueTask<IAsyncEnumerable<Row>> Handle(Query query, CancellationToken cancellationToken)
        {
            var today = UkCalendar.Today(clock);
            var staff = DecisionMakingStaff.PersonIds(db, today);
            var kept = ConflictsOfInterestGuidance.PurgeIfEndedBefore(today);
            var offers = db.GiftsAndHospitality
                .AsNoTracking()
                .Where(offer => staff.Contains(offer.PersonId) && offer.OfferedOn >= kept)
                .OrderByDescending(offer => offer.OfferedOn)
                .ThenByDescending(offer => offer.Id)
                .Select(offer => new Row(offer.Id, offer.Person!.FullName, offer.Person.Slug, offer.Kind, offer.Description, offer.Giver, offer.GiverIsSupplier,
                    offer.Value, offer.OfferedOn, offer.Accepted, offer.SeniorApproval, offer.DeclaredOn, offer.IsFictional))
                .AsAsyncEnumerable();

            // The thresholds are C# rules, so the last filter runs here, row by row.
            return ValueTask.FromResult(offers.Where(offer => offer.Assessment.GoesOnRegister));
        }
    }
}
