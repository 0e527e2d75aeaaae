using FluentValidation;
using FluentValidation.Results;
using KentMedwayCommissioning.Web.Data;
using KentMedwayCommissioning.Web.Domain;
using KentMedwayCommissioning.Web.Domain.Programme;
using KentMedwayCommissioning.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KentMedwayCommissioning.Web.Pages.Programme;

/// <summary>Programme office adds a public consultation: when it runs, its options, and the body that decides after it.</summary>
[Authorize(Roles = $"{Roles.Administrator},{Roles.ProgrammeOffice}")]
public sealed class NewConsultationModel(ISender sender) : PageModel
{
    [BindProperty]
    public Command Input { get; set; } = new(null, null, null, null, null, null, null, null);

    public IReadOnlyList<(string Value, string Label)> DecidingBodies { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        DecidingBodies = await sender.Send(new Query(), cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var (created, slug) = await sender.TrySendAsync(Input, ModelState, nameof(Input), cancellationToken);
        if (!created)
        {
            DecidingBodies = await sender.Send(new Query(), cancellationToken);
            return Page();
        }

        TempData["Confirmation"] = "The consultation is added.";
        return Redirect($"/programme/consultations/{slug}");
    }

    /// <param name="Options">One option a line, as put to the public.</param>
    /// <param name="DecisionExpectedAsReported">The plan's own words when it gives no exact day ("autumn 2018").</param>
    public sealed record Command(string? Title, DateOnly? Opens, DateOnly? Closes, string? Subject, string? Options, string? DecidingBodySlug, DateOnly? DecisionExpected, string? DecisionExpectedAsReported)
        : ICommand<string>, IProgrammeOfficeCommand
    {
        public IReadOnlyList<string> OptionList =>
            (Options ?? string.Empty).Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(command => command.Title)
                .Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Enter the consultation's title")
                .MaximumLength(300).WithMessage("The title must be 300 characters or fewer")
                .Must(title => Slug.From(title!).Length > 0).WithMessage("Enter a title with letters or numbers in it")
                // Its address would be this page's.
                .Must(title => Slug.From(title!) != "new").WithMessage("Choose another title: this one is taken by the page for adding a consultation");
            RuleFor(command => command.Opens).NotNull().WithMessage("Enter the day the consultation opens");
            RuleFor(command => command.Closes)
                .NotNull().WithMessage("Enter the last day of the consultation")
                .GreaterThanOrEqualTo(command => command.Opens).When(command => command.Opens is not null).WithMessage("The consultation cannot close before it opens");
            RuleFor(command => command.Subject)
                .NotEmpty().WithMessage("Say what the consultation asks about")
                .MaximumLength(4000).WithMessage("The subject must be 4,000 characters or fewer");
            RuleFor(command => command.OptionList)
                .Cascade(CascadeMode.Stop)
                .Must(options => options.Count > 0).WithMessage("List at least one option, one a line")
                .Must(options => options.Count <= 50).WithMessage("List at most 50 options")
                .Must(options => options.All(option => option.Length <= 500)).WithMessage("Each option must be 500 characters or fewer")
                .Must(options => Consultation.RepeatedOption(options) is null).WithMessage(command => $"{Consultation.RepeatedOption(command.OptionList)} is listed twice: list each option once")
                .OverridePropertyName(nameof(Command.Options));
            RuleFor(command => command.DecidingBodySlug).NotEmpty().WithMessage("Choose the body that decides after the consultation");
            RuleFor(command => command.DecisionExpected)
                .NotNull().WithMessage("Enter when the decision is expected")
                .GreaterThanOrEqualTo(command => command.Closes).When(command => command.Closes is not null).WithMessage("The decision is expected on or after the day the consultation closes");
            RuleFor(command => command.DecisionExpectedAsReported).MaximumLength(100).WithMessage("The plan's wording must be 100 characters or fewer");
        }
    }

    internal sealed class Handler(AppDbContext db, TimeProvider clock) : ICommandHandler<Command, string>
    {
        public async ValueTask<string> Handle(Command command, CancellationToken cancellationToken)
        {
            var body = await DecidingBodiesOn(db, UkCalendar.Today(clock)).Where(candidate => candidate.Slug == command.DecidingBodySlug).Select(candidate => (int?)candidate.Id).SingleOrDefaultAsync(cancellationToken)
                ?? throw new ValidationException([new ValidationFailure(nameof(Command.DecidingBodySlug), "Choose a body from the list: one that exists and has not ended")]);
            var title = command.Title!.Trim();
            if (await db.Consultations.AnyAsync(consultation => consultation.Slug == Slug.From(title), cancellationToken))
            {
                throw new ValidationException([new ValidationFailure(nameof(Command.Title), $"There is already a consultation called {title}")]);
            }

            var asReported = string.IsNullOrWhiteSpace(command.DecisionExpectedAsReported) ? null : command.DecisionExpectedAsReported.Trim();
            var consultation = new Consultation(title, command.Opens!.Value, command.Closes!.Value, command.Subject!.Trim(), body,
                new ReportedDate(command.DecisionExpected!.Value, asReported), proposalId: null, source: null, command.OptionList);
            db.Consultations.Add(consultation);
            await db.SaveChangesAsync(cancellationToken);
            return consultation.Slug;
        }
    }

    /// <summary>A consultation is decided by a body that is still there to decide: one with no end, or an end still to come.</summary>
    public static IQueryable<Body> DecidingBodiesOn(AppDbContext db, DateOnly today) =>
        db.Bodies.Where(body => body.ExistedTo == null || body.ExistedTo >= today);

    public sealed record Query : IQuery<IReadOnlyList<(string Value, string Label)>>;

    internal sealed class QueryHandler(AppDbContext db, TimeProvider clock) : IQueryHandler<Query, IReadOnlyList<(string Value, string Label)>>
    {
        public async ValueTask<IReadOnlyList<(string Value, string Label)>> Handle(Query query, CancellationToken cancellationToken) =>
            (await DecidingBodiesOn(db, UkCalendar.Today(clock)).OrderBy(body => body.Name).Select(body => new { body.Slug, body.Name }).ToListAsync(cancellationToken))
            .Select(body => (body.Slug, body.Name))
            .ToList();
    }
}
