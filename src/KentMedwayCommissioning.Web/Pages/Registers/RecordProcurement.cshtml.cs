using FluentValidation;
using KentMedwayCommissioning.Web.Data;
using KentMedwayCommissioning.Web.Domain;
using KentMedwayCommissioning.Web.Domain.Meetings;
using KentMedwayCommissioning.Web.Domain.Programme;
using KentMedwayCommissioning.Web.Domain.Registers;
using KentMedwayCommissioning.Web.Infrastructure;
using KentMedwayCommissioning.Web.Pages.Programme;
using KentMedwayCommissioning.Web.Pages.Shared;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KentMedwayCommissioning.Web.Pages.Registers;

/// <summary>
/// A board secretary (or an administrator) records a procurement decision of their body: the contract it lets goes on
/// the programme's contract register too, so a large one is flagged when it is due for recommissioning.
/// </summary>
public sealed class RecordProcurementModel(ISender sender) : PageModel
{
    public Choices Options { get; private set; } = null!;

    [BindProperty]
    public ProcurementForm Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await ShowAsync(cancellationToken) ? Page() : Forbid();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await ShowAsync(cancellationToken))
        {
            return Forbid();
        }

        if (string.IsNullOrWhiteSpace(Input.BodySlug))
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.BodySlug)}", "Choose the body that made the decision");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var command = new Command(Input.BodySlug!, Input.Service, Input.Provider, Input.Value, Input.ContractStartsOn, Input.Route, Input.DecidedOn,
            Input.MeetingId, Input.DecisionNumber, Input.InterestPersonId, Input.Interest, Input.InterestManagement);
        var (recorded, _) = await sender.TrySendAsync(command, ModelState, nameof(Input), cancellationToken);
        if (!recorded)
        {
            return Page();
        }

        TempData["Confirmation"] = "The procurement decision is on the register.";
        return Redirect("/registers/procurement");
    }

    private async Task<bool> ShowAsync(CancellationToken cancellationToken)
    {
        Options = await sender.Send(new ChoicesQuery(), cancellationToken);
        return Options.Bodies.Count > 0;
    }

    public sealed class ProcurementForm
    {
        public string? BodySlug { get; set; }
        public string? Service { get; set; }
        public string? Provider { get; set; }
        [ModelBinder(typeof(PoundsModelBinder))]
        public decimal? Value { get; set; }
        public DateOnly? ContractStartsOn { get; set; }
        public ProcurementRoute? Route { get; set; }
        public DateOnly? DecidedOn { get; set; }
        public int? MeetingId { get; set; }
        public long? DecisionNumber { get; set; }
        public int? InterestPersonId { get; set; }
        public string? Interest { get; set; }
        public DeclarationAction? InterestManagement { get; set; }
    }

    /// <summary>The bodies the user keeps the register for, their meetings and their members.</summary>
    public sealed record ChoicesQuery : IQuery<Choices>;

    public sealed record Choices(
        IReadOnlyList<(string Name, string Slug)> Bodies,
        IReadOnlyList<(int Id, string BodyName, string Title, DateTimeOffset StartsAt)> Meetings,
        IReadOnlyList<(int Id, string Name, string BodyName)> Members);

    public sealed record Command(
        string BodySlug,
        string? Service,
        string? Provider,
        decimal? Value,
        DateOnly? ContractStartsOn,
        ProcurementRoute? Route,
        DateOnly? DecidedOn,
        int? MeetingId,
        long? DecisionNumber,
        int? InterestPersonId,
        string? Interest,
        DeclarationAction? InterestManagement) : ICommand<int>, IBodySecretaryCommand
    {
        /// <summary>The form has room for one declared interest; left empty, none was declared.</summary>
        public bool DeclaresInterest => InterestPersonId is not null || !string.IsNullOrWhiteSpace(Interest) || InterestManagement is not null;
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(command => command.Service).NotEmpty().WithMessage("Enter the service").MaximumLength(300).WithMessage("The service must be 300 characters or fewer");
            RuleFor(command => command.Provider).NotEmpty().WithMessage("Enter who the contract is awarded to").MaximumLength(300).WithMessage("The provider must be 300 characters or fewer");
            RuleFor(command => command.Value)
                .NotNull().WithMessage("Enter the contract's value in pounds")
                .InclusiveBetween(0m, 999_999_999_999m).WithMessage("Enter a value from £0 to £999,999,999,999");
            RuleFor(command => command.ContractStartsOn).NotNull().WithMessage("Enter the date the contract starts");
            RuleFor(command => command.Route).NotNull().WithMessage("Choose how the service was bought").IsInEnum();
            RuleFor(command => command.DecidedOn).NotNull().WithMessage("Enter the date of the decision");
            When(command => command.DeclaresInterest, () =>
            {
                RuleFor(command => command.InterestPersonId).NotNull().WithMessage("Choose who declared the interest");
                RuleFor(command => command.Interest)
                    .NotEmpty().WithMessage("Describe the interest declared")
                    .MaximumLength(2000).WithMessage("The interest must be 2,000 characters or fewer");
                RuleFor(command => command.InterestManagement).NotNull().WithMessage("Choose how the conflict was managed").IsInEnum();
            });
        }
    }

    internal sealed class ChoicesHandler(AppDbContext db, CurrentUser user) : IQueryHandler<ChoicesQuery, Choices>
    {
        public async ValueTask<Choices> Handle(ChoicesQuery query, CancellationToken cancellationToken)
        {
            var bodies = (await db.Bodies.AsNoTracking().OrderBy(body => body.Name).Select(body => new { body.Id, body.Name, body.Slug }).ToListAsync(cancellationToken))
                .Where(body => user.CanRunMeetingsOf(body.Id))
                .ToList();
            var ids = bodies.Select(body => body.Id).ToList();
            var meetings = await db.Meetings.AsNoTracking()
                .Where(meeting => ids.Contains(meeting.BodyId))
                .OrderBy(meeting => meeting.Body!.Name).ThenByDescending(meeting => meeting.StartsAt)
                .Select(meeting => new { meeting.Id, BodyName = meeting.Body!.Name, meeting.Title, meeting.StartsAt })
                .ToListAsync(cancellationToken);
            var members = await db.Memberships.AsNoTracking()
                .Where(membership => ids.Contains(membership.BodyId))
                .OrderBy(membership => membership.Person.FullName).ThenBy(membership => membership.Body.Name)
                .Select(membership => new { membership.PersonId, membership.Person.FullName, BodyName = membership.Body.Name })
                .ToListAsync(cancellationToken);
            return new Choices(
                bodies.Select(body => (body.Name, body.Slug)).ToList(),
                meetings.Select(meeting => (meeting.Id, meeting.BodyName, meeting.Title, meeting.StartsAt)).ToList(),
                members.Select(member => (member.PersonId, member.FullName, member.BodyName)).ToList());
        }
    }

    internal sealed class Handler(AppDbContext db, CurrentUser user) : ICommandHandler<Command, int>
    {
        public async ValueTask<int> Handle(Command command, CancellationToken cancellationToken)
        {
            var body = await db.Bodies.Where(candidate => candidate.Slug == command.BodySlug).Select(candidate => new { candidate.Id, candidate.Name, candidate.Slug }).SingleAsync(cancellationToken);
            var meetingId = command.MeetingId;
            if (meetingId is not null && !await db.Meetings.AnyAsync(meeting => meeting.Id == meetingId && meeting.BodyId == body.Id, cancellationToken))
            {
                throw new GovernanceException($"That meeting is not one of {body.Name}'s.");
            }

            if (command.DecisionNumber is { } sequence)
            {
                var published = await db.PublishedDecisions.AsNoTracking()
                    .Where(decision => decision.Sequence == sequence)
                    .Select(decision => new { decision.BodySlug, db.AgendaItems.Single(item => item.Id == decision.AgendaItemId).MeetingId })
                    .SingleOrDefaultAsync(cancellationToken)
                    ?? throw new GovernanceException($"There is no published decision {sequence}.");
                if (published.BodySlug != body.Slug || (meetingId is not null && published.MeetingId != meetingId))
                {
                    throw new GovernanceException($"Published decision {sequence} was not made at that meeting of {body.Name}.");
                }

                meetingId = published.MeetingId;
            }

            if (command.DeclaresInterest && !await db.Memberships.AnyAsync(membership => membership.BodyId == body.Id && membership.PersonId == command.InterestPersonId, cancellationToken))
            {
                throw new GovernanceException($"Only members of {body.Name} declare interests in its decisions.");
            }

            await ContractRegister.RefuseDuplicateAsync(db, body.Id, command.Service!, command.Provider!, command.ContractStartsOn!.Value, cancellationToken);

            // Two saves (the decision needs the contract's id) in the command's one transaction.
            var contract = new Contract(body.Id, command.Service!, command.Provider!, command.Value!.Value, command.ContractStartsOn!.Value);
            db.Contracts.Add(contract);
            await db.SaveChangesAsync(cancellationToken);

            var decision = new ProcurementDecision(body.Id, contract.Id, command.Route!.Value, command.DecidedOn!.Value, meetingId, command.DecisionNumber, user.Name);
            if (command.DeclaresInterest)
            {
                decision.RecordInterest(command.InterestPersonId!.Value, command.Interest!, command.InterestManagement!.Value);
            }

            db.ProcurementDecisions.Add(decision);
            await db.SaveChangesAsync(cancellationToken);
            return decision.Id;
        }
    }
}
