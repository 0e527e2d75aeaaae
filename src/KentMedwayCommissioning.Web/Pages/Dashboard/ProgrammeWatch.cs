using KentMedwayCommissioning.Web.Data;
using KentMedwayCommissioning.Web.Domain;
using KentMedwayCommissioning.Web.Domain.Meetings;
using KentMedwayCommissioning.Web.Domain.Programme;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KentMedwayCommissioning.Web.Pages.Dashboard;

/// <summary>What programme office staff check each week: slipping milestones, unmet conditions, vacancies, pending decisions.</summary>
public static class ProgrammeWatch
{
    public sealed record Query : IQuery<Summary>;

    public sealed record Summary(
        IReadOnlyList<(int Id, string Title, Rag Rag)> SlippingMilestones,
        IReadOnlyList<(string Merger, string Slug, string Condition)> UnmetConditions,
        int VacantPosts,
        IReadOnlyList<(string Title, string Slug, int Undecided)> ProposalsAwaitingDecisions,
        IReadOnlyList<(string Service, DateOnly Due)> ContractsDue);

    internal sealed class Handler(AppDbContext db, TimeProvider clock) : IQueryHandler<Query, Summary>
    {
        public async ValueTask<Summary> Handle(Query query, CancellationToken cancellationToken)
        {
            var today = UkCalendar.Today(clock);
            var margins = await db.Programmes.ToDictionaryAsync(programme => programme.Id, programme => programme.MarginDays, cancellationToken);
            var slipping = (await db.Milestones.AsNoTracking().Where(milestone => !milestone.IsDone).ToListAsync(cancellationToken))
                .Select(milestone => (milestone.Id, milestone.Title, Rag: milestone.RagOn(today, margins[milestone.ProgrammeId])))
                .Where(milestone => milestone.Rag is Rag.Overdue or Rag.Late or Rag.AtRisk)
                .OrderBy(milestone => milestone.Rag switch { Rag.Overdue => 0, Rag.Late => 1, _ => 2 })
                .ThenBy(milestone => milestone.Title, StringComparer.Ordinal)
                .ToList();

            var unmet = (await db.Mergers.AsNoTracking()
                    .SelectMany(merger => merger.Conditions.Where(condition => condition.MetOn == null).Select(condition => new { merger.Title, merger.Slug, condition.Description }))
                    .ToListAsync(cancellationToken))
                .Select(row => (row.Title, row.Slug, row.Description))
                .ToList();

            var holdings = await db.Posts.AsNoTracking()
                .Select(post => post.Appointments.Select(appointment => new Holding(appointment.Kind, appointment.From, appointment.To)).ToList())
                .ToListAsync(cancellationToken);
            var vacant = holdings.Count(post => Vacancy.StandingOn(post, today) == PostStanding.Vacant);

            var awaiting = (await db.Proposals.AsNoTracking()
                    .Select(proposal => new
                    {
                        proposal.Title,
                        proposal.Slug,
                        Undecided = proposal.Bodies.Count(body => !db.AgendaItems.Any(item => item.ProposalId == proposal.Id && item.Meeting.BodyId == body.BodyId && item.Outcome != null && item.Outcome != Outcome.Deferred)),
                    })
                    .Where(proposal => proposal.Undecided > 0)
                    .ToListAsync(cancellationToken))
                .Select(proposal => (proposal.Title, proposal.Slug, proposal.Undecided))
                .ToList();

            var contractsDue = (await db.Contracts.AsNoTracking().ToListAsync(cancellationToken))
                .Where(contract => contract.IsDueWithinAYearOf(today))
                .OrderBy(contract => contract.RecommissioningDue)
                .Select(contract => (contract.Service, contract.RecommissioningDue!.Value))
                .ToList();
            return new Summary(slipping, unmet, vacant, awaiting, contractsDue);
        }
    }
}
