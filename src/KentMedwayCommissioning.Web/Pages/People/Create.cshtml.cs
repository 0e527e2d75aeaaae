using FluentValidation;
using FluentValidation.Results;
using KentMedwayCommissioning.Web.Data;
using KentMedwayCommissioning.Web.Domain;
using KentMedwayCommissioning.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KentMedwayCommissioning.Web.Pages.People;

/// <summary>
/// An administrator adds a person: a member, post holder or officer the records name. Whether they are listed in public
/// is chosen here and changed later with a date and a reason. Nobody marks a person fictional from the browser: that
/// flag is for the demo's invented members only.
/// </summary>
[Authorize(Roles = Roles.Administrator)]
public sealed class CreateModel(ISender sender) : PageModel
{
    [BindProperty]
    public Command Input { get; set; } = new(string.Empty, true);

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var (created, slug) = await sender.TrySendAsync(Input, ModelState, nameof(Input), cancellationToken);
        if (!created)
        {
            return Page();
        }

        TempData["Confirmation"] = $"{Input.Name.Trim()} is added.";
        return Redirect($"/people/{slug}");
    }

    public sealed record Command(string Name, bool? IsPublic) : ICommand<string>, IAdministratorCommand;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(command => command.Name).PersonName();
            RuleFor(command => command.IsPublic).NotNull().WithMessage("Choose whether the person is listed in public");
        }
    }

    internal sealed class Handler(AppDbContext db) : ICommandHandler<Command, string>
    {
        public async ValueTask<string> Handle(Command command, CancellationToken cancellationToken)
        {
            var person = new Person(command.Name.Trim());
            if (await db.People.AnyAsync(existing => existing.Slug == person.Slug, cancellationToken))
            {
                throw new ValidationException([new ValidationFailure(nameof(Command.Name), $"There is already a person record for {person.FullName}: give a name that tells them apart")]);
            }

            person.ShowInPublic(command.IsPublic!.Value);
            db.People.Add(person);
            await db.SaveChangesAsync(cancellationToken);
            return person.Slug;
        }
    }
}

/// <summary>The one rule for a person's name, as added and as changed.</summary>
public static class PersonNameRule
{
    public static IRuleBuilderOptions<T, string> PersonName<T>(this IRuleBuilderInitial<T, string> name) =>
        name.Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Enter the person's full name")
            .MaximumLength(200).WithMessage("The name must be 200 characters or fewer")
            .Must(value => Slug.From(value).Length > 0).WithMessage("Enter a name with letters in it")
            // Its address would be the page for adding a person.
            .Must(value => Slug.From(value) != "new").WithMessage("Choose another name: this one is taken by the page for adding a person");
}
