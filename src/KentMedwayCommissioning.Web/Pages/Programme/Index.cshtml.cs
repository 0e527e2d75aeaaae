using KentMedwayCommissioning.Web.Data;
using KentMedwayCommissioning.Web.Domain.Programme;
using KentMedwayCommissioning.Web.Domain;
using KentMedwayCommissioning.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KentMedwayCommissioning.Web.Pages.Programme;

/// <summary>Where the move to one strategic commissioner and one CCG stands: milestones, their slippage, and the merger.</summary>
[AllowAnonymous]
public sealed class IndexModel(ISender sender, CurrentUser user) : PageModel
{
    public bool CanChange => user.IsProgrammeOffice;

    /// <summary>Null until an organisation records its programme: the page then says so rather than answering 404.</summary>
    public ProgrammeView? Programme { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Programme = await sender.Send(new Query(), cancellationToken);

    public sealed record Query : IQuery<ProgrammeView?>;

    public sealed record ProgrammeView(string Name, string? Description, string? Establishes, DateOnly? TargetDate, IReadOnlyList<ProgrammeChange> Changes, DateOnly Today, int MarginDays, IReadOnlyList<MilestoneRow> Milestones, IReadOnlyList<MergerRow> Mergers, IReadOnlyList<(string Title, string Slug)> Consultations)
    {
        public Timeline Timeline => Timeline.For(Milestones, Today);
    }

    public sealed record MilestoneRow(int Id, string Title, string Owner, ReportedDate Baseline, ReportedDate Forecast, bool IsDone, Rag Rag, int SlippageDays, int? DaysOverdue);

    public sealed record MergerRow(string Title, string Slug, ApprovalStanding Standing, int Conditions, int Unmet);

    internal sealed class Handler(AppDbContext db, TimeProvider clock) : IQueryHandler<Query, ProgrammeView?>
    {
        public async ValueTask<ProgrammeView?> Handle(Query query, CancellationToken cancellationToken)
        {
            var programme = await db.Programmes.AsNoTracking().Include(candidate => candidate.Changes).OrderBy(candidate => candidate.Id).FirstOrDefaultAsync(cancellationToken);
            if (programme is null)
            {
                return null;
            }

            var today = UkCalendar.Today(clock);
            var milestones = (await db.Milestones.AsNoTracking().Where(milestone => milestone.ProgrammeId == programme.Id).ToListAsync(cancellationToken))
                .OrderBy(milestone => milestone.Baseline.Date)
                .ThenBy(milestone => milestone.Title, StringComparer.Ordinal)
                .Select(milestone => new MilestoneRow(milestone.Id, milestone.Title, milestone.Owner, milestone.Baseline, milestone.Forecast, milestone.IsDone, milestone.RagOn(today, programme.MarginDays), milestone.SlippageDays, milestone.DaysOverdueOn(today)))
                .ToList();
            var mergers = (await db.Mergers.AsNoTracking().Include(merger => merger.Conditions).ToListAsync(cancellationToken))
                .Select(merger => new MergerRow(merger.Title, merger.Slug, merger.Standing(), merger.Conditions.Count, merger.Conditions.Count(condition => !condition.IsMet)))
                .ToList();
            var consultations = (await db.Consultations.AsNoTracking().OrderBy(consultation => consultation.Opens).Select(consultation => new { consultation.Title, consultation.Slug }).ToListAsync(cancellationToken))
                .Select(consultation => (consultation.Title, consultation.Slug))
                .ToList();
            var establishes = await db.Bodies.Where(body => body.Id == programme.EstablishesBodyId).Select(body => body.Name).SingleOrDefaultAsync(cancellationToken);
            var changes = programme.Changes.OrderBy(change => change.EffectiveOn).ThenBy(change => change.Id).ToList();
            return new ProgrammeView(programme.Name, programme.Description, establishes, programme.TargetDate, changes, today, programme.MarginDays, milestones, mergers, consultations);
        }
    }
}
