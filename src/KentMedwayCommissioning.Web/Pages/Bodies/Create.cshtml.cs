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

/// <summary>
/// An administrator adds a body: a CCG, committee or board, with the dates it exists between. It starts with the default
/// rule for deciding, which the next page (the body's rule) changes.
/// </summary>
[Authorize(Roles = Roles.Administrator)]
public sealed class CreateModel(ISender sender) : PageModel
{
    [BindProperty]
    public Command Input { get; set; } = new(string.Empty, null, null, null, null, null);

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var (created, slug) = await sender.TrySendAsync(Input, ModelState, nameof(Input), cancellationToken);
        if (!created)
        {
            return Page();
        }

        TempData["Confirmation"] = $"{Input.Name.Trim()} is added. Set how it decides: its quorum, majority and casting vote.";
        return Redirect($"/bodies/{slug}/rule");
    }

    public sealed record Command(string Name, BodyKind? Kind, SubSystem? SubSystem, string? Description, DateOnly? ExistedFrom, DateOnly? ExistedTo)
        : ICommand<string>, IAdministratorCommand;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(command => command.Name)
                .Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Enter the body's name")
                .MaximumLength(200).WithMessage("Name must be 200 characters or fewer")
                .Must(name => Slug.From(name).Length > 0).WithMessage("Enter a name with letters or numbers in it")
                // Its address would be this page's.
                .Must(name => Slug.From(name) != "new").WithMessage("Choose another name: this one is taken by the page for adding a body");
            RuleFor(command => command.Kind).NotNull().WithMessage("Choose what kind of body it is").IsInEnum().WithMessage("Choose a kind from the list");
            RuleFor(command => command.SubSystem).IsInEnum().WithMessage("Choose a sub-system from the list");
            RuleFor(command => command.Description).MaximumLength(2000).WithMessage("Description must be 2,000 characters or fewer");
            RuleFor(command => command.ExistedTo)
                .GreaterThanOrEqualTo(command => command.ExistedFrom)
                .When(command => command.ExistedFrom is not null && command.ExistedTo is not null)
                .WithMessage("The body must end on or after the day it starts");
        }
    }

    internal sealed class Handler(AppDbContext db) : ICommandHandler<Command, string>
    {
        public async ValueTask<string> Handle(Command command, CancellationToken cancellationToken)
        {
            var body = new Body(command.Name.Trim(), command.Kind!.Value, command.SubSystem);
            if (await db.Bodies.AnyAsync(existing => existing.Slug == body.Slug, cancellationToken))
            {
                throw new ValidationException([new FluentValidation.Results.ValidationFailure(nameof(Command.Name), $"There is already a body called {body.Name}")]);
            }

            body.Describe(string.IsNullOrWhiteSpace(command.Description) ? null : command.Description.Trim(), command.ExistedFrom, command.ExistedTo);
            db.Bodies.Add(body);
            await db.SaveChangesAsync(cancellationToken);
            return body.Slug;
        }
    }
}
