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

namespace KentMedwayCommissioning.Web.Pages.Posts;

/// <summary>
/// An administrator adds a post on a body, with the day it was established (the start of its vacancy until someone is
/// appointed) and, if known, the paper that names it. The next page appoints its holders.
/// </summary>
[Authorize(Roles = Roles.Administrator)]
public sealed class CreateModel(ISender sender) : PageModel
{
    public IReadOnlyList<BodyChoice> Bodies { get; private set; } = [];

    [BindProperty]
    public Command Input { get; set; } = new(string.Empty, string.Empty, null, null);

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Bodies = await sender.Send(new Query(), cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Bodies = await sender.Send(new Query(), cancellationToken);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var (created, id) = await sender.TrySendAsync(Input, ModelState, nameof(Input), cancellationToken);
        if (!created)
        {
            return Page();
        }

        TempData["Confirmation"] = $"The post of {Input.Title.Trim()} is added. It shows as vacant until someone is appointed.";
        return Redirect($"/posts/{id}/appointments");
    }

    public sealed record Query : IQuery<IReadOnlyList<BodyChoice>>;

    public sealed record BodyChoice(string Name, string Slug);

    public sealed record Command(string BodySlug, string Title, DateOnly? EstablishedOn, string? Source) : ICommand<int>, IAdministratorCommand;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(command => command.BodySlug).NotEmpty().WithMessage("Choose the body the post belongs to").MaximumLength(200).WithMessage("Choose a body from the list");
            RuleFor(command => command.Title).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Enter the post's title")
                .MaximumLength(200).WithMessage("The title must be 200 characters or fewer");
            RuleFor(command => command.EstablishedOn).NotNull().WithMessage("Enter the day the post was established");
            RuleFor(command => command.Source).MaximumLength(500).WithMessage("The source must be 500 characters or fewer");
        }
    }

    internal sealed class QueryHandler(AppDbContext db) : IQueryHandler<Query, IReadOnlyList<BodyChoice>>
    {
        public async ValueTask<IReadOnlyList<BodyChoice>> Handle(Query query, CancellationToken cancellationToken) =>
            await db.Bodies.AsNoTracking().OrderBy(body => body.Name).Select(body => new BodyChoice(body.Name, body.Slug)).ToListAsync(cancellationToken);
    }

    internal sealed class Handler(AppDbContext db) : ICommandHandler<Command, int>
    {
        public async ValueTask<int> Handle(Command command, CancellationToken cancellationToken)
        {
            var body = await db.Bodies.SingleOrDefaultAsync(body => body.Slug == command.BodySlug, cancellationToken)
                ?? throw Refused(nameof(Command.BodySlug), "Choose a body from the list");
            var title = command.Title.Trim();
            if (await db.Posts.AnyAsync(post => post.BodyId == body.Id && post.Title == title, cancellationToken))
            {
                throw Refused(nameof(Command.Title), $"{body.Name} already has a post of {title}");
            }

            var post = new Post(body, title, command.EstablishedOn);
            post.CiteSource(string.IsNullOrWhiteSpace(command.Source) ? null : command.Source.Trim());
            db.Posts.Add(post);
            await db.SaveChangesAsync(cancellationToken);
            return post.Id;
        }

        private static ValidationException Refused(string field, string message) => new([new ValidationFailure(field, message)]);
    }
}
