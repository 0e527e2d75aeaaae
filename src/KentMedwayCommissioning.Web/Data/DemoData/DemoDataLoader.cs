using KentMedwayCommissioning.Web.Domain.Meetings;
using KentMedwayCommissioning.Web.Domain.Programme;
using KentMedwayCommissioning.Web.Domain.Registers;
using KentMedwayCommissioning.Web.Domain;
using KentMedwayCommissioning.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace KentMedwayCommissioning.Web.Data.DemoData;

/// <summary>
/// Loads the papers' bodies, people and posts, the fictional members and the demo accounts. Every step looks for
/// what is already there by its natural key (slug, title, role), so loading twice changes nothing.
/// </summary>
public sealed class DemoDataLoader(
    AppDbContext db,
    UserManager<ApplicationUser> users,
    RoleManager<IdentityRole> roles,
    IHostEnvironment environment,
    TimeProvider clock,
    ILogger<DemoDataLoader> logger)
{
    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        if (environment.IsProduction())
        {
            // Demo accounts have published passwords: a production database must never hold them.
            throw new InvalidOperationException("Demo data and its accounts are for Development only; refusing to load them in Production.");
        }

        // One transaction: a load that fails half way leaves nothing behind, and the next start tries again.
        // Under the retrying strategy, so a dropped connection reruns the whole load from a clean tracker.
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var bodies = await LoadBodiesAsync(cancellationToken);
            var people = await LoadPeopleAsync(cancellationToken);
            await LoadPostsAndAppointmentsAsync(bodies, people, cancellationToken);
            await LoadMembershipsAsync(bodies, people, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);

            await LoadDecisionsAsync(bodies, cancellationToken);
            await LoadDemoMeetingsAsync(bodies[PapersData.WestKent], cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await LoadProgrammeAsync(bodies, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await LoadRegistersAsync(bodies[PapersData.WestKent], people, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await PublishPapersDecisionsAsync(cancellationToken);

            await LoadAccountsAsync(people, bodies);
            await transaction.CommitAsync(cancellationToken);
            logger.LogInformation("Demo data loaded: {Bodies} bodies, {People} people", bodies.Count, people.Count);
        });
    }

    private async Task<Dictionary<string, Body>> LoadBodiesAsync(CancellationToken cancellationToken)
    {
        var bodies = await db.Bodies.Include(body => body.MemberBodies).ToDictionaryAsync(body => body.Slug, cancellationToken);
        foreach (var fact in PapersData.Bodies)
        {
            var slug = Slug.From(fact.Name);
            if (!bodies.TryGetValue(slug, out var body))
            {
                body = new Body(fact.Name, fact.Kind, fact.SubSystem);
                body.Describe(fact.Description, fact.From, fact.To);
                db.Bodies.Add(body);
                bodies.Add(slug, body);
            }
        }

        var jcccg = bodies[Slug.From(PapersData.Jcccg)];
        foreach (var member in PapersData.JcccgMembers)
        {
            jcccg.AddMemberBody(bodies[Slug.From(member)]);
        }

        var strategicJointCommittee = bodies[Slug.From(PapersData.StrategicCommissionerJointCommittee)];
        foreach (var member in PapersData.StrategicCommissionerJointCommitteeMembers)
        {
            strategicJointCommittee.AddMemberBody(bodies[Slug.From(member)]);
        }

        foreach (var remit in PapersData.Remits)
        {
            var body = bodies[Slug.From(remit.BodyName)];
            if (body.TermsOfReference is null)
            {
                body.SetRemit(remit.TermsOfReference, remit.MeetsInPublic);
            }
        }

        return bodies.Values.ToDictionary(body => body.Name);
    }

    private async Task<Dictionary<string, Person>> LoadPeopleAsync(CancellationToken cancellationToken)
    {
        var people = await db.People.ToDictionaryAsync(person => person.Slug, cancellationToken);

        void Ensure(string name, bool isFictional)
        {
            var slug = Slug.From(name);
            if (!people.ContainsKey(slug))
            {
                var person = new Person(name, isFictional);
                db.People.Add(person);
                people.Add(slug, person);
            }
        }

        foreach (var name in PapersData.People)
        {
            Ensure(name, isFictional: false);
        }

        foreach (var ccg in PapersData.EightCcgs)
        {
            foreach (var (name, _) in FictionalMembers.For(ccg))
            {
                Ensure(name, isFictional: true);
            }
        }

        Ensure(FictionalMembers.WestKentBoardSecretary, isFictional: true);
        return people.Values.ToDictionary(person => person.FullName);
    }

    private async Task LoadPostsAndAppointmentsAsync(Dictionary<string, Body> bodies, Dictionary<string, Person> people, CancellationToken cancellationToken)
    {
        var posts = await db.Posts.Include(post => post.Appointments).ToListAsync(cancellationToken);

        Post Ensure(string bodyName, string title, string source)
        {
            var body = bodies[bodyName];
            var post = posts.SingleOrDefault(existing => existing.Body == body && existing.Title == title);
            if (post is null)
            {
                post = new Post(body, title);
                post.CiteSource(source);
                db.Posts.Add(post);
                posts.Add(post);
            }

            return post;
        }

        foreach (var vacant in PapersData.VacantPosts)
        {
            Ensure(vacant.BodyName, vacant.Title, vacant.Source);
        }

        foreach (var fact in PapersData.Appointments)
        {
            var post = Ensure(fact.BodyName, fact.PostTitle, fact.Source);
            var person = people[fact.PersonName];
            if (!post.Appointments.Any(existing => existing.Person == person && existing.Kind == fact.Kind))
            {
                post.Appoint(person, fact.Kind, fact.From, source: fact.Source, fromPrecision: fact.FromPrecision);
            }
        }
    }

    private async Task LoadMembershipsAsync(Dictionary<string, Body> bodies, Dictionary<string, Person> people, CancellationToken cancellationToken)
    {
        var memberships = await db.Memberships.ToListAsync(cancellationToken);

        void Ensure(string bodyName, string personName, MemberRole role, MemberBackground background, bool hasVote)
        {
            var body = bodies[bodyName];
            var person = people[personName];
            if (!memberships.Any(existing => existing.Body == body && existing.Person == person && existing.Role == role))
            {
                var membership = new Membership(body, person, role, background, hasVote, from: null);
                db.Memberships.Add(membership);
                memberships.Add(membership);
            }
        }

        foreach (var fact in PapersData.Memberships)
        {
            Ensure(fact.BodyName, fact.PersonName, fact.Role, fact.Background, fact.HasVote);
        }

        foreach (var ccg in PapersData.EightCcgs)
        {
            foreach (var (name, seat) in FictionalMembers.For(ccg))
            {
                Ensure(ccg, name, seat.Role, seat.Background, seat.HasVote);
            }
        }
    }

    private async Task LoadDecisionsAsync(Dictionary<string, Body> bodies, CancellationToken cancellationToken)
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
    /// Two fictional West Kent meetings: one in progress with its vote open, so a member can vote at once, and one
    /// planned, for a secretary to run from the start.
    /// </summary>
    private async Task LoadDemoMeetingsAsync(Body westKent, CancellationToken cancellationToken)
    {
        var titles = await db.Meetings.Where(meeting => meeting.BodyId == westKent.Id).Select(meeting => meeting.Title).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var today = UkCalendar.FromUkTime(UkCalendar.DayOf(now).ToDateTime(new TimeOnly(10, 0)));
        const string place = "Demo meeting room";

        if (!titles.Contains(DecisionsData.DemoMeetingInProgress))
        {
            var members = await db.Memberships
                .Where(membership => membership.BodyId == westKent.Id)
                .Select(membership => new { membership.PersonId, membership.Background, membership.HasVote })
                .ToListAsync(cancellationToken);
            var meeting = new Meeting(westKent.Id, DecisionsData.DemoMeetingInProgress, today, place, isFictional: true, source: Sources.Fictional);
            var item = meeting.AddItem(DecisionsData.DemoOpenItem, AgendaItemKind.ForDecision, MeetingPart.Public,
                "That the governing body approves the engagement plan for the proposed single Kent and Medway CCG (a demo question).");
            meeting.AddItem("Minutes of the previous meeting (demo)", AgendaItemKind.ForNoting, MeetingPart.Public, question: null);
            meeting.Start();
            foreach (var member in members)
            {
                meeting.RecordAttendance(member.PersonId, AttendanceStatus.Present, today);
            }

            var quorum = Quorum.Assess(westKent.Rule, members.Where(member => member.HasVote).Select(member => new QuorumSeat(member.Background, IsPresent: true)).ToList());
            item.OpenVote(quorum, now);
            db.Meetings.Add(meeting);
        }

        if (!titles.Contains(DecisionsData.DemoPlannedMeeting))
        {
            var meeting = new Meeting(westKent.Id, DecisionsData.DemoPlannedMeeting, today.AddDays(7), place, isFictional: true, source: Sources.Fictional);
            var item = meeting.AddItem(DecisionsData.DemoPlannedItem, AgendaItemKind.ForDecision, MeetingPart.Public,
                "That the governing body agrees to procure community services jointly with the other Kent and Medway CCGs (a demo question).");
            item.AttachPaper("Options paper (demo)", url: null, text: "A short demo paper: it sets out the options for procuring community services jointly, for the demo meeting only.");
            db.Meetings.Add(meeting);
        }
    }

    /// <summary>The decisions the papers record are published; publishing skips what is already in the register.</summary>
    private async Task PublishPapersDecisionsAsync(CancellationToken cancellationToken)
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

    private async Task LoadProgrammeAsync(Dictionary<string, Body> bodies, CancellationToken cancellationToken)
    {
        var programme = await db.Programmes.SingleOrDefaultAsync(candidate => candidate.Slug == Slug.From(ProgrammeData.Programme), cancellationToken);
        if (programme is null)
        {
            programme = new ProgrammePlan(ProgrammeData.Programme,
                "Taking the Kent and Medway CCGs from separate organisations to a strategic commissioner, from shadow form to operation, and to a single CCG.");
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
            db.Contracts.Add(new Contract(bodies[PapersData.WestKent].Id, "Community services (demo)", "A community services provider (demo)", 1_200_000m, started, isFictional: true));
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

    /// <summary>The fictional gifts, hospitality and procurement decision of <see cref="RegistersData"/>, dated from the day they are loaded.</summary>
    private async Task LoadRegistersAsync(Body westKent, Dictionary<string, Person> people, CancellationToken cancellationToken)
    {
        var today = UkCalendar.Today(clock);
        if (!await db.GiftsAndHospitality.AnyAsync(offer => offer.IsFictional, cancellationToken))
        {
            foreach (var offer in RegistersData.Offers)
            {
                var offeredOn = today.AddDays(-offer.DaysAgo);
                db.GiftsAndHospitality.Add(new GiftOrHospitality(people[offer.PersonName].Id, offer.Kind, offer.Description, offer.Giver, offer.GiverIsSupplier, offer.Value,
                    offeredOn, offer.Accepted, offer.SeniorApproval, offeredOn.AddDays(2), DemoAccounts.BoardSecretary.Email, isFictional: true));
            }
        }

        if (!await db.ProcurementDecisions.AnyAsync(decision => decision.IsFictional, cancellationToken))
        {
            var contract = await db.Contracts.Where(candidate => candidate.IsFictional && candidate.BodyId == westKent.Id).OrderBy(candidate => candidate.Id).FirstAsync(cancellationToken);
            var decision = new ProcurementDecision(westKent.Id, contract.Id, ProcurementRoute.CompetitiveTender, contract.StartedOn.AddMonths(-3), meetingId: null, decisionSequence: null,
                DemoAccounts.BoardSecretary.Email, isFictional: true);
            decision.RecordInterest(people[RegistersData.ProcurementInterestPerson].Id, RegistersData.ProcurementInterest, DeclarationAction.WithdrewFromDiscussionAndVote);
            db.ProcurementDecisions.Add(decision);
        }
    }

    private async Task LoadAccountsAsync(Dictionary<string, Person> people, Dictionary<string, Body> bodies)
    {
        await Roles.EnsureAllAsync(roles);

        foreach (var account in DemoAccounts.All)
        {
            if (await users.FindByEmailAsync(account.Email) is not null)
            {
                continue;
            }

            var user = new ApplicationUser
            {
                UserName = account.Email,
                Email = account.Email,
                EmailConfirmed = true,
                DisplayName = account.DisplayName,
                PersonId = account.PersonName is null ? null : people[account.PersonName].Id,
            };
            Check(await users.CreateAsync(user, DemoAccounts.Password), $"create {account.Email}");
            Check(await users.AddToRoleAsync(user, account.Role), $"give {account.Email} the role {account.Role}");
            if (account.Role == Roles.BoardSecretary)
            {
                var westKent = bodies[PapersData.WestKent].Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
                Check(await users.AddClaimAsync(user, new System.Security.Claims.Claim(CurrentUser.SecretaryOfClaim, westKent)), $"make {account.Email} secretary of West Kent CCG");
            }
        }
    }

    private static void Check(IdentityResult result, string action)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not {action}: {string.Join("; ", result.Errors.Select(error => error.Description))}");
        }
    }
}
