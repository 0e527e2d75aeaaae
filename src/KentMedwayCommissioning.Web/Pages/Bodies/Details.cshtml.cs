using KentMedwayCommissioning.Web.Data;
using KentMedwayCommissioning.Web.Domain;
using KentMedwayCommissioning.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KentMedwayCommissioning.Web.Pages.Bodies;

[AllowAnonymous]
public sealed class DetailsModel(ISender sender, CurrentUser user) : PageModel
{
    public BodyDetails Body { get; private set; } = null!;

    /// <summary>Whether the reader runs this body (its secretary, or an administrator): only they are offered its seats and description.</summary>
    public bool RunsBody { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var body = await sender.Send(new Query(slug), cancellationToken);
        if (body is null)
        {
            return NotFound();
        }

        Body = body;
        RunsBody = user.CanRunMeetingsOf(body.Id);
        return Page();
    }

    public sealed record Query(string Slug) : IQuery<BodyDetails?>;

    public sealed record BodyDetails(
        int Id,
        DateOnly Today,
        string Name,
        string Slug,
        BodyKind Kind,
        SubSystem? SubSystem,
        string? Description,
        DateOnly? ExistedFrom,
        DateOnly? ExistedTo,
        GovernanceRule Rule,
        string? TermsOfReference,
        bool? MeetsInPublic,
        IReadOnlyList<Member> Members,
        IReadOnlyList<PostHolders> Posts,
        IReadOnlyList<MemberBody> MemberBodies,
        IReadOnlyList<CommitteeSeat> SitsOn,
        IReadOnlyList<DelegatedFunction> Delegations,
        IReadOnlyList<HistoryRow> History)
    {
        public bool HasEnded => ExistedTo is { } lastDay && lastDay < Today;

        public bool HasGoverningBody => Members.Count > 0;

        public IReadOnlyList<DelegatedFunction> DelegatedToday => Delegations.Where(delegation => Dated.Covers(delegation.From, delegation.To, Today)).ToList();

        public IReadOnlyList<DelegatedFunction> DelegatedOtherDays => Delegations.Where(delegation => !Dated.Covers(delegation.From, delegation.To, Today)).ToList();

        public IReadOnlyList<CommitteeSeat> SitsOnToday => SitsOn.Where(committee => Dated.Covers(committee.From, committee.To, Today)).ToList();

        /// <summary>Committees it sat on before today, or joins later: kept on the page with their dates.</summary>
        public IReadOnlyList<CommitteeSeat> SitsOnOtherDays => SitsOn.Where(committee => !Dated.Covers(committee.From, committee.To, Today)).ToList();

        public IReadOnlyList<MemberBody> CurrentMemberBodies => MemberBodies.Where(member => Dated.Covers(member.From, member.To, Today)).ToList();

        /// <summary>Memberships that ended before today, or that start later: kept on the page with their dates.</summary>
        public IReadOnlyList<MemberBody> OtherMemberBodies => MemberBodies.Where(member => !Dated.Covers(member.From, member.To, Today)).ToList();

        /// <summary>The quorum if every current voting member attended: what the body's rule asks of a full meeting.</summary>
        public QuorumAssessment FullAttendance => Quorum.Assess(Rule, Members
            .Where(member => member.HasVote && Dated.Covers(member.From, member.To, Today))
            .DistinctBy(member => member.Slug)
            .Select(member => new QuorumSeat(member.Background, IsPresent: true))
            .ToList());
    }

    public sealed record Member(string Name, string Slug, bool IsFictional, bool IsPublic, MemberRole Role, MemberBackground Background, bool HasVote, DateOnly? From, DateOnly? To);

    public sealed record PostHolders(string Title, IReadOnlyList<Holder> Holders)
    {
        public PostStanding StandingOn(DateOnly day) => Vacancy.StandingOn(Holders.Select(holder => new Holding(holder.Kind, holder.From, holder.To)), day);
    }

    public sealed record Holder(string Name, string Slug, bool IsFictional, bool IsPublic, AppointmentKind Kind, DateOnly? From, DateOnly? To, DatePrecision FromPrecision)
    {
        /// <summary>For a substantive holder: the transitional roles they hold alongside, wherever those sit.</summary>
        public IReadOnlyList<TransitionalRole> TransitionalRoles { get; init; } = [];
    }

    public sealed record TransitionalRole(string Title, string BodyName, string BodySlug, DateOnly? From, DateOnly? To, DatePrecision FromPrecision);

    /// <summary>A joint committee this body is a member of, for a period.</summary>
    public sealed record CommitteeSeat(string Name, string Slug, DateOnly? From, DateOnly? To);

    /// <summary>A function a member body delegates to this joint committee, for a period, and the decision that authorised it.</summary>
    public sealed record DelegatedFunction(string MemberName, string MemberSlug, string Function, DateOnly? From, DateOnly? To, long? AuthorisedBySequence);

    /// <summary>A change recorded in the body's history: what changed, from which day, and why.</summary>
    public sealed record HistoryRow(string Change, DateOnly EffectiveOn, string Reason);

    public sealed record MemberBody(string Name, string Slug, string? Representative, string? RepresentativeSlug, string? DelegatedFunctions, DateOnly? From, DateOnly? To);

    internal sealed class Handler([FromKeyedServices(ReadDb.Key)] AppDbContext db, TimeProvider clock) : IQueryHandler<Query, BodyDetails?>
    {
        public async ValueTask<BodyDetails?> Handle(Query query, CancellationToken cancellationToken)
        {
            var body = await db.Bodies
                .AsNoTracking()
                .Where(body => body.Slug == query.Slug)
                .Select(body => new
                {
                    body.Id,
                    body.Name,
                    body.Slug,
                    body.Kind,
                    body.SubSystem,
                    body.Description,
                    body.ExistedFrom,
                    body.ExistedTo,
                    body.Rule,
                    body.TermsOfReference,
                    body.MeetsInPublic,
                    MemberBodies = body.MemberBodies
                        .OrderBy(member => member.MemberBody.Name).ThenBy(member => member.From)
                        .Select(member => new MemberBody(
                            member.MemberBody.Name,
                            member.MemberBody.Slug,
                            member.Representative == null ? null : member.Representative.FullName,
                            member.Representative == null ? null : member.Representative.Slug,
                            member.DelegatedFunctions,
                            member.From,
                            member.To))
                        .ToList(),
                })
                .SingleOrDefaultAsync(cancellationToken);
            if (body is null)
            {
                return null;
            }

            var members = (await db.Memberships
                .AsNoTracking()
                .Where(membership => membership.BodyId == body.Id)
                .Select(membership => new Member(
                    membership.Person.FullName,
                    membership.Person.Slug,
                    membership.Person.IsFictional,
                    membership.Person.IsPublic,
                    membership.Role,
                    membership.Background,
                    membership.HasVote,
                    membership.From,
                    membership.To))
                .ToListAsync(cancellationToken))
                .OrderBy(member => member.Role) // by the enum's order (chair first), which the stored names would not give
                .ThenBy(member => member.Name, StringComparer.Ordinal)
                .ToList();

            var posts = await db.Posts
                .AsNoTracking()
                .Where(post => post.BodyId == body.Id)
                .OrderBy(post => post.Title)
                .Select(post => new PostHolders(
                    post.Title,
                    post.Appointments
                        .OrderBy(appointment => appointment.From)
                        .Select(appointment => new Holder(
                            appointment.Person.FullName,
                            appointment.Person.Slug,
                            appointment.Person.IsFictional,
                            appointment.Person.IsPublic,
                            appointment.Kind,
                            appointment.From,
                            appointment.To,
                            appointment.FromPrecision))
                        .ToList()))
                .ToListAsync(cancellationToken);

            posts = await AddTransitionalRolesAsync(posts, cancellationToken);

            var sitsOn = await db.JointCommitteeMembers
                .AsNoTracking()
                .Where(member => member.MemberBodyId == body.Id)
                .OrderBy(member => member.Committee.Name).ThenBy(member => member.From)
                .Select(member => new CommitteeSeat(member.Committee.Name, member.Committee.Slug, member.From, member.To))
                .ToListAsync(cancellationToken);

            var delegations = await (
                    from delegation in db.Delegations.AsNoTracking()
                    where delegation.CommitteeId == body.Id
                    join member in db.Bodies on delegation.MemberBodyId equals member.Id
                    join function in db.FunctionAllocations on delegation.FunctionId equals function.Id
                    orderby function.Function, member.Name, delegation.From
                    select new DelegatedFunction(member.Name, member.Slug, function.Function, delegation.From, delegation.To, delegation.AuthorisedBySequence))
                .ToListAsync(cancellationToken);

            var history = await db.BodyChanges
                .AsNoTracking()
                .Where(change => change.BodyId == body.Id)
                .OrderByDescending(change => change.EffectiveOn).ThenByDescending(change => change.RecordedAt)
                .Select(change => new HistoryRow(change.Change, change.EffectiveOn, change.Reason))
                .ToListAsync(cancellationToken);

            return new BodyDetails(
                body.Id,
                UkCalendar.Today(clock),
                body.Name, body.Slug, body.Kind, body.SubSystem, body.Description, body.ExistedFrom, body.ExistedTo, body.Rule, body.TermsOfReference, body.MeetsInPublic,
                members, posts, body.MemberBodies, sitsOn, delegations, history);
        }

        private async Task<List<PostHolders>> AddTransitionalRolesAsync(List<PostHolders> posts, CancellationToken cancellationToken)
        {
            var substantiveHolders = posts
                .SelectMany(post => post.Holders)
                .Where(holder => holder.Kind == AppointmentKind.Substantive)
                .Select(holder => holder.Slug)
                .Distinct()
                .ToList();
            if (substantiveHolders.Count == 0)
            {
                return posts;
            }

            var transitional = (await db.Appointments
                    .AsNoTracking()
                    .Where(appointment => appointment.Kind == AppointmentKind.Transitional && substantiveHolders.Contains(appointment.Person.Slug))
                    .Select(appointment => new
                    {
                        PersonSlug = appointment.Person.Slug,
                        Role = new TransitionalRole(appointment.Post.Title, appointment.Post.Body.Name, appointment.Post.Body.Slug, appointment.From, appointment.To, appointment.FromPrecision),
                    })
                    .ToListAsync(cancellationToken))
                .ToLookup(row => row.PersonSlug, row => row.Role);

            return posts
                .Select(post => post with
                {
                    Holders = post.Holders
                        .Select(holder => holder.Kind == AppointmentKind.Substantive ? holder with { TransitionalRoles = transitional[holder.Slug].ToList() } : holder)
                        .ToList(),
                })
                .ToList();
        }
    }
}
