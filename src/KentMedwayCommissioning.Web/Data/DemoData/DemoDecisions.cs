using KentMedwayCommissioning.Web.Domain;
using KentMedwayCommissioning.Web.Domain.Meetings;
using KentMedwayCommissioning.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KentMedwayCommissioning.Web.Data.DemoData;

/// <summary>
/// The proposals, the member-practice ballot and the meetings the papers record, the fictional meetings of today's
/// single CCG, and publishing the papers' decisions in the register.
/// </summary>
internal static class DemoDecisions
{
    public static async Task LoadAsync(AppDbContext db, Dictionary<string, Body> bodies, CancellationToken cancellationToken)
    {
        var proposals = await db.Proposals.Include(proposal => proposal.Bodies).ToDictionaryAsync(proposal => proposal.Slug, cancellationToken);
        Proposal EnsureProposal(string title, string description, string source, IEnumerable<string> bodyNames)
        {
            if (!proposals.TryGetValue(Slug.From(title), out var proposal))
            {
                proposal = new Proposal(title, description, source);
                db.Proposals.Add(proposal);
                proposals.Add(proposal.Slug, proposal);
            }

            foreach (var name in bodyNames)
            {
                proposal.SendTo(bodies[name].Id);
            }

            return proposal;
        }

        var strategicCommissioner = EnsureProposal(
            DecisionsData.StrategicCommissionerProposal,
            "A formal proposal to establish a strategic commissioner and share a single senior management team with one accountable officer (chief executive), considered by the eight CCG governing bodies at meetings in January and February 2018.",
            Sources.StrategicCommissionerUpdate,
            PapersData.EightCcgs);
        EnsureProposal(
            DecisionsData.StrokeProposal,
            "Three hyper acute stroke units for Kent and Medway, and five options for where they and acute stroke services should be. The public consultation ran from Friday 2 February 2018 to midnight on Friday 13 April 2018; the Joint Committee of Clinical Commissioning Groups decides after it, expected in the autumn of 2018.",
            Sources.ProgrammeBoardNews,
            [PapersData.Jcccg]);
        await db.SaveChangesAsync(cancellationToken);

        if (!await db.PracticeBallots.AnyAsync(ballot => ballot.Slug == Slug.From(DecisionsData.MergerBallot), cancellationToken))
        {
            var ballot = new PracticeBallot(DecisionsData.MergerBallot, DecisionsData.MergerBallotFinding, Sources.ScrutinySingleCcg);
            foreach (var ccg in PapersData.EightCcgs)
            {
                ballot.AskIn(bodies[ccg].Id);
            }

            db.PracticeBallots.Add(ballot);
        }

        var meetings = await db.Meetings.Include(meeting => meeting.Items).ToListAsync(cancellationToken);
        Meeting? Existing(Body body, string title) => meetings.SingleOrDefault(meeting => meeting.BodyId == body.Id && meeting.Title == title);

        foreach (var decision in DecisionsData.StrategicCommissionerOutcomes)
        {
            var body = bodies[decision.CcgName];
            if (Existing(body, DecisionsData.GoverningBodyDecisionTitle) is not null)
            {
                continue;
            }

            var meeting = new Meeting(body.Id, DecisionsData.GoverningBodyDecisionTitle, new DateTimeOffset(2018, 1, 1, 0, 0, 0, TimeSpan.Zero), "Not given in the papers",
                dateAsReported: "January or February 2018 (the papers do not give the date)", source: Sources.StrategicCommissionerUpdate, datePrecision: MeetingDatePrecision.Year);
            var item = meeting.AddItem("Proposal to establish a strategic commissioner", AgendaItemKind.ForDecision, MeetingPart.Public,
                $"That the governing body agrees to {char.ToLowerInvariant(DecisionsData.StrategicCommissionerProposal[0])}{DecisionsData.StrategicCommissionerProposal[1..]} (chief executive).",
                strategicCommissioner.Id);
            meeting.Start();
            item.RecordOutcomeFromMinutes(decision.Outcome, decision.Explanation, new DateTimeOffset(2018, 2, 28, 0, 0, 0, TimeSpan.Zero));
            meeting.Close();
            db.Meetings.Add(meeting);
        }

        var scrutiny = bodies[PapersData.HealthScrutiny];
        foreach (var noting in DecisionsData.ScrutinyNotings)
        {
            if (Existing(scrutiny, noting.MeetingTitle) is not null)
            {
                continue;
            }

            var meeting = new Meeting(scrutiny.Id, noting.MeetingTitle, noting.OrderedAt, "Not given in the papers", dateAsReported: noting.DateAsReported, source: noting.Source, datePrecision: noting.Precision);
            var item = meeting.AddItem(noting.ItemTitle, AgendaItemKind.ForNoting, MeetingPart.Public, question: null);
            meeting.Start();
            item.RecordOutcomeFromMinutes(Outcome.Noted, noting.Minute, noting.OrderedAt);
            meeting.Close();
            db.Meetings.Add(meeting);
        }
    }

    /// <summary>
    /// Three fictional meetings of <paramref name="body"/> (<see cref="DemoAccounts.Body"/>): one held four weeks ago,
    /// closed, whose minutes the secretary can write and have approved today; one in progress today with its vote open,
    /// so a member can vote at once; and one planned, for a secretary to run from the start.
    /// </summary>
    public static async Task LoadDemoMeetingsAsync(AppDbContext db, TimeProvider clock, Body body, CancellationToken cancellationToken)
    {
        var titles = await db.Meetings.Where(meeting => meeting.BodyId == body.Id).Select(meeting => meeting.Title).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var day = UkCalendar.DayOf(now);
        var today = UkCalendar.FromUkTime(day.ToDateTime(new TimeOnly(10, 0)));
        var members = await db.Memberships
            .Where(membership => membership.BodyId == body.Id)
            .Where(Dated.HeldOn<Membership>(day))
            .Select(membership => new { membership.PersonId, membership.Background, membership.HasVote })
            .ToListAsync(cancellationToken);
        var fullAttendance = Quorum.Assess(body.Rule, members.Where(member => member.HasVote).Select(member => new QuorumSeat(member.Background, IsPresent: true)).ToList());
        const string place = "Demo meeting room";

        Meeting Sitting(string title, DateTimeOffset startsAt)
        {
            var meeting = new Meeting(body.Id, title, startsAt, place, isFictional: true, source: Sources.Fictional);
            meeting.Start();
            foreach (var member in members)
            {
                meeting.RecordAttendance(member.PersonId, AttendanceStatus.Present, startsAt);
            }

            return meeting;
        }

        if (!titles.Contains(DecisionsData.DemoPreviousMeeting))
        {
            var heldOn = today.AddDays(-28);
            var meeting = Sitting(DecisionsData.DemoPreviousMeeting, heldOn);
            meeting.AddItem(DecisionsData.DemoPreviousItem, AgendaItemKind.ForNoting, MeetingPart.Public, question: null)
                .RecordOutcome(Outcome.Noted, "The governing body noted the report (demo).", fullAttendance, heldOn.AddHours(1));
            meeting.Close();
            db.Meetings.Add(meeting);
        }

        if (!titles.Contains(DecisionsData.DemoMeetingInProgress))
        {
            var meeting = Sitting(DecisionsData.DemoMeetingInProgress, today);
            var item = meeting.AddItem(DecisionsData.DemoOpenItem, AgendaItemKind.ForDecision, MeetingPart.Public,
                "That the governing body approves the CCG's engagement plan for patients and the public in the coming year (a demo question).");
            meeting.AddItem("Minutes of the previous meeting (demo)", AgendaItemKind.ForNoting, MeetingPart.Public, question: null);
            item.OpenVote(fullAttendance, now);
            db.Meetings.Add(meeting);
        }

        if (!titles.Contains(DecisionsData.DemoPlannedMeeting))
        {
            var meeting = new Meeting(body.Id, DecisionsData.DemoPlannedMeeting, today.AddDays(7), place, isFictional: true, source: Sources.Fictional);
            var item = meeting.AddItem(DecisionsData.DemoPlannedItem, AgendaItemKind.ForDecision, MeetingPart.Public,
                "That the governing body agrees to procure community services for the whole of Kent and Medway as one contract (a demo question).");
            item.AttachPaper("Options paper (demo)", url: null, text: "A short demo paper: it sets out the options for procuring community services as one contract, for the demo meeting only.");
            db.Meetings.Add(meeting);
        }
    }

    /// <summary>The decisions the papers record are published; publishing skips what is already in the register.</summary>
    public static async Task PublishPapersDecisionsAsync(AppDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var closed = await db.Meetings
            .Where(meeting => meeting.Status == MeetingStatus.Closed && !meeting.IsFictional)
            .OrderBy(meeting => meeting.StartsAt)
            .ThenBy(meeting => meeting.Id)
            .Select(meeting => meeting.Id)
            .ToListAsync(cancellationToken);
        foreach (var meetingId in closed)
        {
            await Publisher.PublishAsync(db, meetingId, clock.GetUtcNow(), cancellationToken);
        }
    }
}
