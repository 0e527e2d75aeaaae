using FluentValidation;
using FluentValidation.Results;
using KentMedwayCommissioning.Web.Data;
using KentMedwayCommissioning.Web.Domain;
using KentMedwayCommissioning.Web.Domain.Programme;
using KentMedwayCommissioning.Web.Infrastructure;
using KentMedwayCommissioning.Web.Pages.Shared;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KentMedwayCommissioning.Web.Pages.Programme;

/// <summary>
/// Programme office records the programme (on an empty database there is none), and later changes its terms: each
/// change carries the day it takes effect and why, kept in the programme's history on the public page.
/// </summary>
[Authorize(Roles = $"{Roles.Administrator},{Roles.ProgrammeOffice}")]
public sealed class EditModel(ISender sender) : PageModel
{
    [BindProperty]
    public Command Input { get; set; } = new(null, null, null, null, 30, null, null);

    public Choices Form { get; private set; } = null!;

    public bool IsNew => Form.Current is null;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Form = await sender.Send(new Query(), cancellationToken);
        if (Form.Current is { } current)
        {
            Input = current;
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var (saved, created) = await sender.TrySendAsync(Input, ModelState, nameof(Input), cancellationToken);
        if (!saved)
        {
            Form = await sender.Send(new Query(), cancellationToken);
            return Page();
        }

        TempData["Confirmation"] = created ? "The programme is recorded. Add its milestones next." : "The programme is changed and the change is in its history.";
        return Redirect("/programme");
    }

    /// <summary>Answers true when it recorded a new programme, false when it changed the one there is.</summary>
    /// <param name="EffectiveOn">Needed only to change a programme: the day the change takes effect.</param>
    public sealed record Command(string? Name, string? Description, string? EstablishesBodySlug, DateOnly? TargetDate, int? MarginDays, DateOnly? EffectiveOn, string? Reason)
        : ICommand<bool>, IProgrammeOfficeCommand;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(command => command.Name)
                .Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Enter the programme's name")
                .MaximumLength(200).WithMessage("Name must be 200 characters or fewer")
                .Must(name => Slug.From(name!).Length > 0).WithMessage("Enter a name with letters or numbers in it");
            RuleFor(command => command.Description).MaximumLength(4000).WithMessage("Description must be 4,000 characters or fewer");
            RuleFor(command => command.EstablishesBodySlug).MaximumLength(200).WithMessage("Choose a body from the list");
            RuleFor(command => command.TargetDate).NotNull().WithMessage("Enter the date the programme aims to be done");
            RuleFor(command => command.MarginDays)
                .NotNull().WithMessage("Enter how many days of slippage make a milestone at risk")
                .InclusiveBetween(0, 365).WithMessage("The margin must be between 0 and 365 days");
            RuleFor(command => command.Reason).MaximumLength(2000).WithMessage("The reason must be 2,000 characters or fewer");
        }
    }

    internal sealed class Handler(AppDbContext db, CurrentUser user, TimeProvider clock) : ICommandHandler<Command, bool>
    {
        public async ValueTask<bool> Handle(Command command, CancellationToken cancellationToken)
        {
            var bodies = await db.Bodies.AsNoTracking().Select(body => new { body.Id, body.Slug, body.Name }).ToListAsync(cancellationToken);
            var establishes = string.IsNullOrWhiteSpace(command.EstablishesBodySlug) ? null : bodies.SingleOrDefault(body => body.Slug == command.EstablishesBodySlug);
            if (!string.IsNullOrWhiteSpace(command.EstablishesBodySlug) && establishes is null)
            {
                throw new ValidationException([new ValidationFailure(nameof(Command.EstablishesBodySlug), "Choose a body from the list")]);
            }

            var name = command.Name!.Trim();
            var description = string.IsNullOrWhiteSpace(command.Description) ? null : command.Description.Trim();
            var programme = await db.Programmes.Include(candidate => candidate.Changes).OrderBy(candidate => candidate.Id).FirstOrDefaultAsync(cancellationToken);
            if (programme is null)
            {
                db.Programmes.Add(new ProgrammePlan(name, description, command.MarginDays!.Value, establishes?.Id, command.TargetDate));
                await db.SaveChangesAsync(cancellationToken);
                return true;
            }

            var missing = new List<ValidationFailure>();
            if (command.EffectiveOn is null)
            {
                missing.Add(new ValidationFailure(nameof(Command.EffectiveOn), "Enter the date the change takes effect"));
            }

            if (string.IsNullOrWhiteSpace(command.Reason))
            {
                missing.Add(new ValidationFailure(nameof(Command.Reason), "Say why the programme has changed: its history keeps it"));
            }

            if (missing.Count > 0)
            {
                throw new ValidationException(missing);
            }

            string BodyName(int? id) => bodies.SingleOrDefault(body => body.Id == id)?.Name ?? "none";
            var changes = new List<string>();
            if (name != programme.Name)
            {
                changes.Add($"name from “{programme.Name}” to “{name}”");
            }

            if (description != programme.Description)
            {
                changes.Add("description rewritten");
            }

            if (establishes?.Id != programme.EstablishesBodyId)
            {
                changes.Add($"body it establishes from {BodyName(programme.EstablishesBodyId)} to {BodyName(establishes?.Id)}");
            }

            if (command.TargetDate != programme.TargetDate)
            {
                changes.Add($"target date from {Display.Date(programme.TargetDate)} to {Display.Date(command.TargetDate)}");
            }

            if (command.MarginDays != programme.MarginDays)
            {
                changes.Add($"margin from {programme.MarginDays} to {command.MarginDays} days");
            }

            var summary = changes.Count == 0 ? "nothing" : string.Join("; ", changes);
            programme.Revise(name, description, command.MarginDays!.Value, establishes?.Id, command.TargetDate,
                char.ToUpperInvariant(summary[0]) + summary[1..], command.EffectiveOn!.Value, command.Reason!, user.StaffRole, clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            return false;
        }
    }

    public sealed record Query : IQuery<Choices>;

    /// <param name="Current">The programme's terms as a command to change them; null when there is no programme yet.</param>
    public sealed record Choices(Command? Current, IReadOnlyList<(string Value, string Label)> Bodies);

    internal sealed class QueryHandler(AppDbContext db) : IQueryHandler<Query, Choices>
    {
        public async ValueTask<Choices> Handle(Query query, CancellationToken cancellationToken)
        {
            var bodies = await db.Bodies.AsNoTracking().OrderBy(body => body.Name).Select(body => new { body.Id, body.Slug, body.Name }).ToListAsync(cancellationToken);
            var programme = await db.Programmes.AsNoTracking().OrderBy(candidate => candidate.Id).FirstOrDefaultAsync(cancellationToken);
            var current = programme is null
                ? null
                : new Command(programme.Name, programme.Description, bodies.SingleOrDefault(body => body.Id == programme.EstablishesBodyId)?.Slug, programme.TargetDate, programme.MarginDays, null, null);
            return new Choices(current, bodies.Select(body => (body.Slug, body.Name)).ToList());
        }
    }
}
