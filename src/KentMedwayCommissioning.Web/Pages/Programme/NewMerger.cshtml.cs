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

/// <summary>Programme office records a merger: the body it forms, who approves it, when it takes effect and the member practices' ballot.</summary>
[Authorize(Roles = $"{Roles.Administrator},{Roles.ProgrammeOffice}")]
public sealed class NewMergerModel(ISender sender) : PageModel
{
    [BindProperty]
    public Command Input { get; set; } = new(null, null, null, null, null, null);

    public Choices Options { get; private set; } = new([], [], []);

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Options = await sender.Send(new Query(), cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var (created, slug) = await sender.TrySendAsync(Input, ModelState, nameof(Input), cancellationToken);
        if (!created)
        {
            Options = await sender.Send(new Query(), cancellationToken);
            return Page();
        }

        TempData["Confirmation"] = "The merger is added. Add the conditions of its approval below.";
        return Redirect($"/programme/mergers/{slug}");
    }

    /// <param name="FormsBodySlug">The merged body: the one the merger forms.</param>
    /// <param name="PracticeBallotSlug">The member practices' ballot on the merger, when there was one.</param>
    public sealed record Command(string? Title, string? FormsBodySlug, string? ApproverBodySlug, DateOnly? LiveOn, string? PracticeBallotSlug, string? Source)
        : ICommand<string>, IProgrammeOfficeCommand;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(command => command.Title)
                .Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Enter the merger's name")
                .MaximumLength(300).WithMessage("The name must be 300 characters or fewer")
                .Must(title => Slug.From(title!).Length > 0).WithMessage("Enter a name with letters or numbers in it")
                // Its address would be this page's.
                .Must(title => Slug.From(title!) != "new").WithMessage("Choose another name: this one is taken by the page for adding a merger");
            RuleFor(command => command.FormsBodySlug).NotEmpty().WithMessage("Choose the body the merger forms");
            RuleFor(command => command.ApproverBodySlug)
                .NotEmpty().WithMessage("Choose the body that approves the merger")
                .NotEqual(command => command.FormsBodySlug).When(command => !string.IsNullOrEmpty(command.FormsBodySlug))
                .WithMessage("The approving body cannot be the body the merger forms");
            RuleFor(command => command.LiveOn).NotNull().WithMessage("Enter the date the merger takes effect");
            RuleFor(command => command.PracticeBallotSlug).MaximumLength(300).WithMessage("Choose a ballot from the list");
            RuleFor(command => command.Source).MaximumLength(500).WithMessage("The source must be 500 characters or fewer");
        }
    }

    internal sealed class Handler(AppDbContext db, TimeProvider clock) : ICommandHandler<Command, string>
    {
        public async ValueTask<string> Handle(Command command, CancellationToken cancellationToken)
        {
            var liveOn = command.LiveOn!.Value;
            var formed = await db.Bodies.Where(body => body.Slug == command.FormsBodySlug)
                .Select(body => new { body.Id, body.Name, body.ExistedFrom, body.ExistedTo }).SingleOrDefaultAsync(cancellationToken)
                ?? throw Refused(nameof(Command.FormsBodySlug), "Choose the body the merger forms from the list");
            var today = UkCalendar.Today(clock);
            // An ended body can still be recorded as formed by a merger that started it (the single CCG from the eight).
            if (formed.ExistedTo < today && formed.ExistedFrom != liveOn)
            {
                throw Refused(nameof(Command.FormsBodySlug), $"{formed.Name} ended on {Display.Date(formed.ExistedTo)}: choose a body that has not ended, or one that starts on the day the merger takes effect");
            }

            if (liveOn < formed.ExistedFrom)
            {
                throw Refused(nameof(Command.LiveOn), $"The merger cannot take effect before {formed.Name} starts, on {Display.Date(formed.ExistedFrom)}");
            }

            var approver = await NewConsultationModel.DecidingBodiesOn(db, today).Where(body => body.Slug == command.ApproverBodySlug).Select(body => (int?)body.Id).SingleOrDefaultAsync(cancellationToken)
                ?? throw Refused(nameof(Command.ApproverBodySlug), "Choose the approving body from the list: one that exists and has not ended");
            int? ballot = null;
            if (!string.IsNullOrEmpty(command.PracticeBallotSlug))
            {
                ballot = await db.PracticeBallots.Where(candidate => candidate.Slug == command.PracticeBallotSlug).Select(candidate => (int?)candidate.Id).SingleOrDefaultAsync(cancellationToken)
                    ?? throw Refused(nameof(Command.PracticeBallotSlug), "Choose a ballot from the list");
            }

            var title = command.Title!.Trim();
            if (await db.Mergers.AnyAsync(merger => merger.Slug == Slug.From(title), cancellationToken))
            {
                throw Refused(nameof(Command.Title), $"There is already a merger called {title}");
            }

            var source = string.IsNullOrWhiteSpace(command.Source) ? null : command.Source.Trim();
            var created = new Merger(title, formed.Id, approver, liveOn, ballot, source);
            db.Mergers.Add(created);
            await db.SaveChangesAsync(cancellationToken);
            return created.Slug;
        }

        private static ValidationException Refused(string property, string message) => new([new ValidationFailure(property, message)]);
    }

    public sealed record Choices(IReadOnlyList<(string Value, string Label)> FormedBodies, IReadOnlyList<(string Value, string Label)> Approvers, IReadOnlyList<(string Value, string Label)> Ballots);

    public sealed record Query : IQuery<Choices>;

    internal sealed class QueryHandler(AppDbContext db, TimeProvider clock) : IQueryHandler<Query, Choices>
    {
        public async ValueTask<Choices> Handle(Query query, CancellationToken cancellationToken)
        {
            var today = UkCalendar.Today(clock);
            var bodies = await db.Bodies.OrderBy(body => body.Name).Select(body => new { body.Slug, body.Name, body.ExistedFrom, body.ExistedTo }).ToListAsync(cancellationToken);
            // Ended bodies stay choosable as formed when they have a start date: the merger may be the one that started them.
            var formed = bodies.Where(body => body.ExistedTo is null || body.ExistedTo >= today || body.ExistedFrom is not null)
                .Select(body => (body.Slug, body.ExistedTo < today ? $"{body.Name} ({Display.Period(body.ExistedFrom, body.ExistedTo)})" : body.Name))
                .ToList();
            var approvers = bodies.Where(body => body.ExistedTo is null || body.ExistedTo >= today).Select(body => (body.Slug, body.Name)).ToList();
            var ballots = (await db.PracticeBallots.OrderBy(ballot => ballot.Question).Select(ballot => new { ballot.Slug, ballot.Question }).ToListAsync(cancellationToken))
                .Select(ballot => (ballot.Slug, ballot.Question))
                .ToList();
            return new Choices(formed, approvers, ballots);
        }
    }
}
