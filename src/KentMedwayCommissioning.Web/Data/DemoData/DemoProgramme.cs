using KentMedwayCommissioning.Web.Domain;
using KentMedwayCommissioning.Web.Domain.Programme;
using Microsoft.EntityFrameworkCore;

namespace KentMedwayCommissioning.Web.Data.DemoData;

/// <summary>The strategic commissioner programme: milestones, the stroke consultation, commissioning levels, a fictional contract and the merger with its conditions.</summary>
internal static class DemoProgramme
{
    public static async Task LoadAsync(AppDbContext db, TimeProvider clock, Dictionary<string, Body> bodies, CancellationToken cancellationToken)
    {
        var programme = await db.Programmes.SingleOrDefaultAsync(candidate => candidate.Slug == Slug.From(ProgrammeData.Programme), cancellationToken);
        if (programme is null)
        {
            programme = new ProgrammePlan(ProgrammeData.Programme,
                "Taking the Kent and Medway CCGs from separate organisations to a strategic commissioner, from shadow form to operation, and to a single CCG.",
                establishesBodyId: bodies[PapersData.SingleCcg].Id,
                targetDate: PapersData.SingleCcgLive);
            db.Programmes.Add(programme);
            await db.SaveChangesAsync(cancellationToken);
        }

        var milestones = await db.Milestones.Include(milestone => milestone.ForecastChanges).Include(milestone => milestone.Dependencies).Where(milestone => milestone.ProgrammeId == programme.Id).ToListAsync(cancellationToken);
        var proposalId = await db.Proposals.Where(proposal => proposal.Slug == Slug.From(DecisionsData.StrategicCommissionerProposal)).Select(proposal => proposal.Id).SingleAsync(cancellationToken);
        foreach (var fact in ProgrammeData.Milestones)
        {
            if (milestones.Any(milestone => milestone.Title == fact.Title))
            {
                continue;
            }

            var milestone = new Milestone(programme.Id, fact.Title, ProgrammeData.PapersOwner, fact.Baseline,
                proposalId: fact.Title == ProgrammeData.ShadowForm ? proposalId : null, source: fact.Source);
            if (fact.Title == ProgrammeData.ShadowForm)
            {
                milestone.Reforecast(ProgrammeData.ShadowFormRevised, ProgrammeData.ShadowFormReason, ProgrammeData.FromThePapers, new DateTimeOffset(2018, 7, 1, 0, 0, 0, TimeSpan.Zero));
            }

            if (fact.Done)
            {
                milestone.Complete(fact.CompletedOn);
            }

            db.Milestones.Add(milestone);
            milestones.Add(milestone);
        }

        await db.SaveChangesAsync(cancellationToken);
        var shadow = milestones.Single(milestone => milestone.Title == ProgrammeData.ShadowForm);
        milestones.Single(milestone => milestone.Title == "Strategic commissioner fully operational").DependOn(shadow.Id);

        if (!await db.Consultations.AnyAsync(consultation => consultation.Slug == Slug.From(ProgrammeData.StrokeConsultation), cancellationToken))
        {
            var strokeProposal = await db.Proposals.Where(proposal => proposal.Slug == Slug.From(DecisionsData.StrokeProposal)).Select(proposal => (int?)proposal.Id).SingleOrDefaultAsync(cancellationToken);
            db.Consultations.Add(new Consultation(
                ProgrammeData.StrokeConsultation,
                opens: new DateOnly(2018, 2, 2),
                closes: new DateOnly(2018, 4, 13),
                ProgrammeData.StrokeConsultationSubject,
                bodies[PapersData.Jcccg].Id,
                new ReportedDate(new DateOnly(2018, 9, 1), "autumn 2018"),
                strokeProposal,
                Sources.ProgrammeBoardNews));
        }

        var levels = await db.CommissioningLevels.Select(level => level.Name).ToListAsync(cancellationToken);
        foreach (var (fact, order) in ProgrammeData.Levels.Select((fact, index) => (fact, index + 1)))
        {
            if (!levels.Contains(fact.Name))
            {
                db.CommissioningLevels.Add(new CommissioningLevel(fact.Name, order, fact.Description, fact.PopulationFrom, fact.PopulationTo, fact.Source));
            }
        }

        if (!await db.Contracts.AnyAsync(cancellationToken))
        {
            // Fictional, so the register and its due-date flag can be tried: due within a year of the day it is loaded.
            var started = UkCalendar.Today(clock).AddYears(-Contract.RecommissioningYears).AddMonths(6);
            db.Contracts.Add(new Contract(bodies[DemoAccounts.Body].Id, "Community services (demo)", "A community services provider (demo)", 1_200_000m, started, isFictional: true));
        }

        if (!await db.Mergers.AnyAsync(merger => merger.Slug == Slug.From(ProgrammeData.Merger), cancellationToken))
        {
            var ballotId = await db.PracticeBallots.Where(ballot => ballot.Slug == Slug.From(DecisionsData.MergerBallot)).Select(ballot => (int?)ballot.Id).SingleOrDefaultAsync(cancellationToken);
            var merger = new Merger(ProgrammeData.Merger, bodies[PapersData.SingleCcg].Id, bodies[PapersData.NhsEngland].Id, PapersData.SingleCcgLive, ballotId, Sources.ScrutinySingleCcg);
            merger.Approve(on: null);
            foreach (var condition in ProgrammeData.MergerConditions)
            {
                merger.AddCondition(condition, ProgrammeData.PapersOwner, dueOn: null);
            }

            db.Mergers.Add(merger);
        }
    }
}
