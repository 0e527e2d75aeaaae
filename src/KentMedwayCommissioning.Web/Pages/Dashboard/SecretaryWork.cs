using KentMedwayCommissioning.Web.Data;
using KentMedwayCommissioning.Web.Domain.Meetings;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KentMedwayCommissioning.Web.Pages.Dashboard;

/// <summary>
/// A board secretary's day across the bodies they run: meetings to run, votes waiting for them, closed meetings
/// whose decisions are not yet in the register, and draft minutes waiting for a meeting to approve them.
/// </summary>
public static class SecretaryWork
{
    /// <param name="BodyIds">The bodies whose meetings the user runs; null for every body (an administrator runs any).</param>
    public sealed record Query(IReadOnlyList<int>? BodyIds) : IQuery<Summary>;

    public sealed record Summary(IReadOnlyList<MeetingToRun> Meetings, IReadOnlyList<VoteToRun> Votes, IReadOnlyList<MeetingToPublish> ToPublish, IReadOnlyList<DraftMinutes> Drafts)
    {
        public bool IsEmpty => Meetings.Count == 0 && Votes.Count == 0 && ToPublish.Count == 0 && Drafts.Count == 0;
    }

    public sealed record MeetingToRun(int Id, string Title, string BodyName, DateTimeOffset StartsAt, MeetingStatus Status);

    /// <param name="AwaitsCastingVote">Closed on a tie: the chair's casting vote is still to be recorded.</param>
    public sealed record VoteToRun(int MeetingId, int Number, string Title, string BodyName, bool AwaitsCastingVote);

    public sealed record MeetingToPublish(int Id, string Title, string BodyName, int Decisions);

    /// <summary>A meeting whose minutes are drafted and not yet approved.</summary>
    public sealed record DraftMinutes(int MeetingId, string Title, string BodyName, DateTimeOffset DraftedAt);

    internal sealed class Handler(AppDbContext db) : IQueryHandler<Query, Summary>
    {
        public async ValueTask<Summary> Handle(Query query, CancellationToken cancellationToken)
        {
            var bodies = query.BodyIds;
            var meetings = await db.Meetings.AsNoTracking()
                .Where(meeting => (bodies == null || bodies.Contains(meeting.BodyId)) && meeting.Status != MeetingStatus.Closed)
                .OrderBy(meeting => meeting.Status == MeetingStatus.InProgress ? 0 : 1)
                .ThenBy(meeting => meeting.StartsAt)
                .Select(meeting => new MeetingToRun(meeting.Id, meeting.Title, meeting.Body!.Name, meeting.StartsAt, meeting.Status))
                .ToListAsync(cancellationToken);
            var votes = await db.AgendaItems.AsNoTracking()
                .Where(item => (bodies == null || bodies.Contains(item.Meeting.BodyId))
                               && (item.VoteState == VoteState.Open || (item.VoteState == VoteState.Closed && item.Outcome == null)))
                .OrderBy(item => item.Meeting.StartsAt)
                .ThenBy(item => item.Number)
                .Select(item => new VoteToRun(item.MeetingId, item.Number, item.Title, item.Meeting.Body!.Name, item.VoteState == VoteState.Closed))
                .ToListAsync(cancellationToken);
            var toPublish = await db.Meetings.AsNoTracking()
                .Where(meeting => (bodies == null || bodies.Contains(meeting.BodyId)) && meeting.Status == MeetingStatus.Closed)
                .Select(meeting => new
                {
                    meeting.Id,
                    meeting.Title,
                    BodyName = meeting.Body!.Name,
                    Decisions = meeting.Items.Count(item => item.Outcome != null && !db.PublishedDecisions.Any(decision => decision.AgendaItemId == item.Id)),
                })
                .Where(meeting => meeting.Decisions > 0)
                .OrderBy(meeting => meeting.Title)
                .Select(meeting => new MeetingToPublish(meeting.Id, meeting.Title, meeting.BodyName, meeting.Decisions))
                .ToListAsync(cancellationToken);
            var drafts = await (
                    from minutes in db.Minutes.AsNoTracking()
                    join meeting in db.Meetings on minutes.MeetingId equals meeting.Id
                    where minutes.Status == MinutesStatus.Draft && (bodies == null || bodies.Contains(meeting.BodyId))
                    orderby minutes.DraftedAt
                    select new DraftMinutes(meeting.Id, meeting.Title, meeting.Body!.Name, minutes.DraftedAt))
                .ToListAsync(cancellationToken);
            return new Summary(meetings, votes, toPublish, drafts);
        }
    }
}
