using KentMedwayCommissioning.Web.Data;
using KentMedwayCommissioning.Web.Domain.Meetings;
using KentMedwayCommissioning.Web.Domain.Programme;
using KentMedwayCommissioning.Web.Domain.Registers;
using KentMedwayCommissioning.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KentMedwayCommissioning.Web.Pages.Registers;

/// <summary>
/// The published register of procurement decisions: the service, its value, how it was bought, the body and meeting
/// that decided it, the interests declared and how each was managed, and when a large contract is due again.
/// </summary>
[AllowAnonymous]
public sealed class ProcurementModel(ISender sender, CurrentUser user) : PageModel
{
    public IReadOnlyList<Row> Decisions { get; private set; } = [];

    /// <summary>Board secretaries and administrators record decisions; the link is only for them.</summary>
    public bool CanRecord => user.IsAdministrator || User.IsInRole(Roles.BoardSecretary);

    public bool CanManage(int bodyId) => user.CanRunMeetingsOf(bodyId);

    public async Task OnGetAsync(CancellationToken cancellationToken) => Decisions = await (await sender.Send(new Query(), cancellationToken)).ToListAsync(cancellationToken);

    /// <summary>The register's rows, read from the database as they are enumerated (so its CSV streams).</summary>
    public sealed record Query : IQuery<IAsyncEnumerable<Row>>;

    public sealed record Row(
        int Id,
        int BodyId,
        string BodyName,
        string BodySlug,
        string Service,
        string Provider,
        decimal Value,
        DateOnly ContractStartsOn,
        ProcurementRoute Route,
        DateOnly DecidedOn,
        int? MeetingId,
        string? MeetingTitle,
        long? DecisionSequence,
        bool IsFictional,
        IReadOnlyList<DeclaredInterest> Interests)
    {
        public DateOnly? RecommissioningDue => Contract.RecommissioningDueFor(Value, ContractStartsOn);
    }

    public sealed record DeclaredInterest(string PersonName, string PersonSlug, string Interest, DeclarationAction Management);

    internal sealed class Handler([FromKeyedServices(ReadDb.Key)] AppDbContext db) : IQueryHandler<Query, IAsyncEnumerable<Row>>
    {
        public ValueTask<IAsyncEnumerable<Row>> Handle(Query query, CancellationToken cancellationToken) =>
            ValueTask.FromResult((from decision in db.ProcurementDecisions.AsNoTracking()
                   join contract in db.Contracts on decision.ContractId equals contract.Id
                   join body in db.Bodies on decision.BodyId equals body.Id
                   orderby decision.DecidedOn descending, decision.Id descending
                   select new Row(
                       decision.Id,
                       body.Id,
                       body.Name,
                       body.Slug,
                       contract.Service,
                       contract.Provider,
                       contract.Value,
                       contract.StartedOn,
                       decision.Route,
                       decision.DecidedOn,
                       decision.MeetingId,
                       db.Meetings.Where(meeting => meeting.Id == decision.MeetingId).Select(meeting => meeting.Title).FirstOrDefault(),
                       decision.DecisionSequence,
                       decision.IsFictional,
                       decision.Interests
                           .OrderBy(interest => interest.Person!.FullName)
                           .Select(interest => new DeclaredInterest(interest.Person!.FullName, interest.Person.Slug, interest.Interest, interest.Management))
                           .ToList()))
                .AsAsyncEnumerable());
    }
}
