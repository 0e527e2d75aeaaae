using FluentValidation;
using KentMedwayCommissioning.Web.Data;
using KentMedwayCommissioning.Web.Domain;
using KentMedwayCommissioning.Web.Domain.Meetings;
using KentMedwayCommissioning.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KentMedwayCommissioning.Web.Pages.Registers;

/// <summary>The body's board secretary (or an administrator) adds an interest declared in a procurement decision, and how it was managed.</summary>
public sealed class DeclareProcurementInterestModel(ISender sender, CurrentUser user) : PageModel
{
    public Decision Procurement { get; private set; } = null!;

    [BindProperty]
    public DeclarationForm Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await ShowAsync(id, cancellationToken))
        {
            return NotFound();
        }

        return user.CanRunMeetingsOf(Procurement.BodyId) ? Page() : Forbid();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (!await ShowAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var command = new Command(Procurement.BodySlug, id, Input.PersonId, Input.Interest, Input.Management);
        var (recorded, _) = await sender.TrySendAsync(command, ModelState, nameof(Input), cancellationToken);
        if (!recorded)
        {
            return Page();
        }

        TempData["Confirmation"] = "The declared interest is on the register.";
        return Redirect($"/registers/procurement#procurement-{id}");
    }

    private async Task<bool> ShowAsync(int id, CancellationToken cancellationToken)
    {
        var procurement = await sender.Send(new Query(id), cancellationToken);
        if (procurement is null)
        {
            return false;
        }

        Procurement = procurement;
        return true;
    }

    public sealed class DeclarationForm
    {
        public int? PersonId { get; set; }
        public string? Interest { get; set; }
        public DeclarationAction? Management { get; set; }
    }

    public sealed record Query(int Id) : IQuery<Decision?>;

    public sealed record Decision(int Id, string Service, int BodyId, string BodyName, string BodySlug, IReadOnlyList<(int Id, string Name)> Members);

    public sealed record Command(string BodySlug, int DecisionId, int? PersonId, string? Interest, DeclarationAction? Management) : ICommand<Unit>, IBodySecretaryCommand;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(command => command.PersonId).NotNull().WithMessage("Choose who declared the interest");
            RuleFor(command => command.Interest)
                .NotEmpty().WithMessage("Describe the interest declared")
                .MaximumLength(2000).WithMessage("The interest must be 2,000 characters or fewer");
            RuleFor(command => command.Management).NotNull().WithMessage("Choose how the conflict was managed").IsInEnum();
        }
    }

    internal sealed class QueryHandler(AppDbContext db) : IQueryHandler<Query, Decision?>
    {
        public async ValueTask<Decision?> Handle(Query query, CancellationToken cancellationToken)
        {
            var decision = await (from procurement in db.ProcurementDecisions.AsNoTracking()
                                  join contract in db.Contracts on procurement.ContractId equals contract.Id
                                  join body in db.Bodies on procurement.BodyId equals body.Id
                                  where procurement.Id == query.Id
                                  select new { procurement.Id, contract.Service, body.Name, body.Slug, BodyId = body.Id })
                .SingleOrDefaultAsync(cancellationToken);
            if (decision is null)
            {
                return null;
            }

            var members = await db.Memberships.AsNoTracking()
                .Where(membership => membership.BodyId == decision.BodyId)
                .Select(membership => new { membership.PersonId, membership.Person.FullName })
                .Distinct()
                .OrderBy(member => member.FullName)
                .ToListAsync(cancellationToken);
            return new Decision(decision.Id, decision.Service, decision.BodyId, decision.Name, decision.Slug, members.Select(member => (member.PersonId, member.FullName)).ToList());
        }
    }

    internal sealed class Handler(AppDbContext db) : ICommandHandler<Command, Unit>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var decision = await db.ProcurementDecisions
                .Include(procurement => procurement.Interests)
                .SingleOrDefaultAsync(procurement => procurement.Id == command.DecisionId && db.Bodies.Any(body => body.Id == procurement.BodyId && body.Slug == command.BodySlug), cancellationToken)
                ?? throw new NotFoundException($"There is no procurement decision {command.DecisionId} of this body.");
            if (!await db.Memberships.AnyAsync(membership => membership.BodyId == decision.BodyId && membership.PersonId == command.PersonId, cancellationToken))
            {
                throw new GovernanceException("Only members of the body that decided it declare interests in a procurement decision.");
            }

            decision.RecordInterest(command.PersonId!.Value, command.Interest!, command.Management!.Value);
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}
