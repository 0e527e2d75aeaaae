using System.Globalization;
using System.Security.Claims;
using KentMedwayCommissioning.Web.Data;
using KentMedwayCommissioning.Web.Domain;
using KentMedwayCommissioning.Web.Domain.Meetings;
using KentMedwayCommissioning.Web.Domain.Registers;
using KentMedwayCommissioning.Web.Infrastructure;
using KentMedwayCommissioning.Web.Pages.Registers;
using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KentMedwayCommissioning.Web.Pages.Dashboard;

/// <summary>A signed-in user's starting point: who they are here and the bodies they sit on.</summary>
public sealed class IndexModel(ISender sender, CurrentUser user) : PageModel
{
    public string DisplayName { get; private set; } = string.Empty;
    public IReadOnlyList<string> Roles { get; private set; } = [];
    public PersonSeats? Person { get; private set; }

    /// <summary>For programme office staff: what needs their attention this week.</summary>
    public ProgrammeWatch.Summary? Programme { get; private set; }

    /// <summary>For whoever runs a body's meetings: its actions past their due date and not done.</summary>
    public IReadOnlyList<Meetings.Actions.ActionView> OverdueActions { get; private set; } = [];

    /// <summary>For a board secretary: the meetings, votes and decisions of the bodies they run.</summary>
    public SecretaryWork.Summary? Secretary { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        DisplayName = User.FindFirstValue(AppClaimsPrincipalFactory.DisplayName) ?? User.Identity!.Name!;
        Roles = User.FindAll(ClaimTypes.Role).Select(claim => claim.Value).Order(StringComparer.Ordinal).ToList();
        if (int.TryParse(User.FindFirstValue(AppClaimsPrincipalFactory.PersonId), NumberStyles.None, CultureInfo.InvariantCulture, out var personId))
        {
            Person = await sender.Send(new Query(personId), cancellationToken);
        }

        OverdueActions = await sender.Send(new Meetings.Actions.OverdueQuery(), cancellationToken);

        if (user.IsAdministrator)
        {
            Secretary = await sender.Send(new SecretaryWork.Query(BodyIds: null), cancellationToken);
        }
        else if (user.SecretaryOf is { Count: > 0 } bodies)
        {
            Secretary = await sender.Send(new SecretaryWork.Query(bodies), cancellationToken);
        }

        if (User.IsInRole(Data.Roles.ProgrammeOffice) || User.IsInRole(Data.Roles.Administrator))
        {
            Programme = await sender.Send(new ProgrammeWatch.Query(), cancellationToken);
        }
    }

    public sealed record Query(int PersonId) : IQuery<PersonSeats?>;

    /// <param name="DeclarationDue">Decision-making staff whose last declaration of interests is over a year old (or who never made one).</param>
    public sealed record PersonSeats(string FullName, string Slug, IReadOnlyList<Seat> Seats, IReadOnlyList<OpenVote> OpenVotes, DateOnly? InterestsDeclaredOn, bool DeclarationDue);

    /// <summary>An item whose vote is open at a meeting of a body the person votes on.</summary>
    public sealed record OpenVote(int MeetingId, int Number, string ItemTitle, string BodyName);

    public sealed record Seat(string BodyName, string BodySlug, MemberRole Role, bool HasVote);

    internal sealed class Handler(AppDbContext db, TimeProvider clock) : IQueryHandler<Query, PersonSeats?>
    {
        public async ValueTask<PersonSeats?> Handle(Query query, CancellationToken cancellationToken)
        {
            var today = UkCalendar.Today(clock);
            var person = await db.People
                .AsNoTracking()
                .Where(person => person.Id == query.PersonId)
                .Select(person => new PersonSeats(
                    person.FullName,
                    person.Slug,
                    db.Memberships
                        .Where(membership => membership.PersonId == person.Id)
                        .OrderBy(membership => membership.Body.Name)
                        .Select(membership => new Seat(membership.Body.Name, membership.Body.Slug, membership.Role, membership.HasVote))
                        .ToList(),
                    db.AgendaItems
                        // An item the person declared an interest in is not theirs to vote on.
                        .Where(item => item.VoteState == VoteState.Open
                                       && !item.Declarations.Any(declaration => declaration.PersonId == person.Id)
                                       && db.Memberships.Any(membership => membership.PersonId == person.Id && membership.HasVote && membership.BodyId == item.Meeting.BodyId))
                        .OrderBy(item => item.Meeting.StartsAt)
                        .ThenBy(item => item.Number)
                        .Select(item => new OpenVote(item.MeetingId, item.Number, item.Title, item.Meeting.Body!.Name))
                        .ToList(),
                    person.InterestsDeclaredOn,
                    DecisionMakingStaff.PersonIds(db, today).Contains(person.Id)))
                .SingleOrDefaultAsync(cancellationToken);
            return person is null ? null : person with { DeclarationDue = person.DeclarationDue && ConflictsOfInterestGuidance.IsReviewOverdue(person.InterestsDeclaredOn, today) };
        }
    }
}
