using KentMedwayCommissioning.Web.Data;
using KentMedwayCommissioning.Web.Domain.Meetings;
using Microsoft.EntityFrameworkCore;

namespace KentMedwayCommissioning.Web.Pages.Proposals;

/// <summary>Where each body stands on a proposal: its latest item on it decides (a deferral can be followed by a decision).</summary>
internal static class ProposalOutcomes
{
    public sealed record Latest(int ProposalId, int BodyId, int MeetingId, int Number, Outcome? Outcome, string? Explanation, DateTimeOffset StartsAt, string? DateAsReported);

    public static async Task<Dictionary<(int ProposalId, int BodyId), Latest>> LatestByBodyAsync(AppDbContext db, IReadOnlyCollection<int> proposalIds, CancellationToken cancellationToken) =>
        (await db.AgendaItems
            .AsNoTracking()
            .Where(item => item.ProposalId != null && proposalIds.Contains(item.ProposalId.Value))
            // A private-part item's outcome is confidential until the secretary records that it may be made public.
            .Where(item => item.Part == MeetingPart.Public || item.MadePublicOn != null)
            .Select(item => new Latest(item.ProposalId!.Value, item.Meeting.BodyId, item.MeetingId, item.Number, item.Outcome, item.OutcomeExplanation, item.Meeting.StartsAt, item.Meeting.DateAsReported))
            .ToListAsync(cancellationToken))
        .GroupBy(item => (item.ProposalId, item.BodyId))
        .ToDictionary(group => group.Key, group => group.OrderByDescending(item => item.StartsAt).First());
}
