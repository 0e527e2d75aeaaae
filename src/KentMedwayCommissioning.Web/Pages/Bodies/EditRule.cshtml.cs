using FluentValidation;
using KentMedwayCommissioning.Web.Data;
using KentMedwayCommissioning.Web.Domain;
using KentMedwayCommissioning.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KentMedwayCommissioning.Web.Pages.Bodies;

/// <summary>An administrator records a body's standing orders: quorum, lay and clinical requirements, majority, casting vote.</summary>
[Authorize(Roles = Roles.Administrator)]
public sealed class EditRuleModel(ISender sender) : PageModel
{
    [BindProperty]
    public Command Input { get; set; } = null!;

    public string BodyName { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var current = await sender.Send(new Query(slug), cancellationToken);
        if (current is null)
        {
            return NotFound();
        }

        BodyName = current.BodyName;
        Input = current.Rule;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken cancellationToken)
    {
        var current = await sender.Send(new Query(slug), cancellationToken);
        if (current is null)
        {
            return NotFound();
        }

        BodyName = current.BodyName;
        Input = Input with { Slug = slug };
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var (saved, _) = await sender.TrySendAsync(Input, ModelState, nameof(Input), cancellationToken);
        if (!saved)
        {
            return Page();
        }

        TempData["Confirmation"] = $"How {BodyName} decides has been updated.";
        return Redirect($"/bodies/{slug}");
    }

    public sealed record Query(string Slug) : IQuery<CurrentRule?>;

    public sealed record CurrentRule(string BodyName, Command Rule);

    /// <summary>Percentages, as standing orders state them; the domain rule keeps fractions.</summary>
    public sealed record Command(
        string Slug,
        int QuorumPercent,
        bool RequiresLayMember,
        bool RequiresClinicalMember,
        int MajorityPercent,
        bool ChairHasCastingVote,
        bool WithdrawnMembersCountTowardsQuorum) : ICommand<Unit>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(command => command.Slug).NotEmpty().MaximumLength(200);
            RuleFor(command => command.QuorumPercent)
                .InclusiveBetween(1, 100)
                .WithMessage("Quorum must be a percentage of voting members from 1 to 100");
            RuleFor(command => command.MajorityPercent)
                .InclusiveBetween(50, 99)
                .WithMessage("Majority must be from 50 (a simple majority) to 99 per cent of votes for and against");
        }
    }

    internal sealed class QueryHandler(AppDbContext db) : IQueryHandler<Query, CurrentRule?>
    {
        public async ValueTask<CurrentRule?> Handle(Query query, CancellationToken cancellationToken) =>
            await db.Bodies
                .AsNoTracking()
                .Where(body => body.Slug == query.Slug)
                .Select(body => new CurrentRule(
                    body.Name,
                    new Command(
                        body.Slug,
                        (int)Math.Round(body.Rule.QuorumFraction * 100),
                        body.Rule.RequiresLayMember,
                        body.Rule.RequiresClinicalMember,
                        (int)Math.Round(body.Rule.MajorityThreshold * 100),
                        body.Rule.ChairHasCastingVote,
                        body.Rule.WithdrawnMembersCountTowardsQuorum)))
                .SingleOrDefaultAsync(cancellationToken);
    }

    internal sealed class CommandHandler(AppDbContext db) : ICommandHandler<Command, Unit>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var body = await db.Bodies.SingleOrDefaultAsync(body => body.Slug == command.Slug, cancellationToken)
                ?? throw new NotFoundException($"There is no body called '{command.Slug}'.");
            body.ChangeRule(new GovernanceRule(
                command.QuorumPercent / 100m,
                command.RequiresLayMember,
                command.RequiresClinicalMember,
                command.MajorityPercent / 100m,
                command.ChairHasCastingVote,
                command.WithdrawnMembersCountTowardsQuorum));
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}
