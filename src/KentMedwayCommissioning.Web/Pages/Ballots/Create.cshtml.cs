using System.Globalization;
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

namespace KentMedwayCommissioning.Web.Pages.Ballots;

/// <summary>
/// Programme office staff (or a CCG's board secretary, for their own CCG) put a question to the CCG's GP member
/// practices: the practices taking part, the days it is open and the share in support it needs.
/// </summary>
[Authorize(Roles = $"{Roles.ProgrammeOffice},{Roles.BoardSecretary},{Roles.Administrator}")]
public sealed class CreateModel(ISender sender, CurrentUser user) : PageModel
{
    /// <summary>The shares in support a ballot may need, as offered on the form.</summary>
    public static IReadOnlyList<(decimal Threshold, string Label)> Majorities { get; } =
    [
        (0.5m, "More than half of the practices that answer"),
        (0.6m, "More than 60%"),
        (0.75m, "More than 75%"),
    ];

    [BindProperty]
    public Command Input { get; set; } = new(string.Empty, null, null, null, null, null);

    /// <summary>The bodies the user may open a ballot for.</summary>
    public IReadOnlyList<(string Slug, string Name)> Bodies { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadBodiesAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadBodiesAsync(cancellationToken);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var (created, slug) = await sender.TrySendAsync(Input, ModelState, nameof(Input), cancellationToken);
        if (!created)
        {
            return Page();
        }

        TempData["Confirmation"] = "The ballot is set up. Its CCG's secretary records each practice's answer here while it is open.";
        return Redirect($"/ballots/{slug}");
    }

    private async Task LoadBodiesAsync(CancellationToken cancellationToken)
    {
        var bodies = await sender.Send(new BodiesQuery(), cancellationToken);
        Bodies = [.. bodies.Where(body => user.IsProgrammeOffice || user.CanRunMeetingsOf(body.Id)).Select(body => (body.Slug, body.Name))];
    }

    /// <summary>Bodies that have not ended.</summary>
    public sealed record BodiesQuery : IQuery<IReadOnlyList<(int Id, string Slug, string Name)>>;

    internal sealed class BodiesHandler(AppDbContext db, TimeProvider clock) : IQueryHandler<BodiesQuery, IReadOnlyList<(int Id, string Slug, string Name)>>
    {
        public async ValueTask<IReadOnlyList<(int Id, string Slug, string Name)>> Handle(BodiesQuery query, CancellationToken cancellationToken)
        {
            var today = UkCalendar.Today(clock);
            return [.. (await db.Bodies.AsNoTracking().Where(body => body.ExistedTo == null || body.ExistedTo >= today).OrderBy(body => body.Name)
                    .Select(body => new { body.Id, body.Slug, body.Name }).ToListAsync(cancellationToken))
                .Select(body => (body.Id, body.Slug, body.Name))];
        }
    }

    /// <param name="Practices">One practice a line: its name, then optionally its ODS code and list size, separated by commas.</param>
    public sealed record Command(string Question, string? BodySlug, string? Practices, DateOnly? OpensOn, DateOnly? ClosesOn, decimal? MajorityThreshold)
        : ICommand<string>, IBodiesSecretaryCommand
    {
        IReadOnlyCollection<string> IBodiesSecretaryCommand.BodySlugs => string.IsNullOrEmpty(BodySlug) ? [] : [BodySlug];

        /// <summary>The practices as listed, or the first line that cannot be read (numbered from 1).</summary>
        public (IReadOnlyList<PracticeEntry> Practices, string? Problem) ReadPractices()
        {
            var lines = (Practices ?? string.Empty).Split('\n').Select(line => line.Trim()).ToList();
            var entries = new List<PracticeEntry>();
            for (var index = 0; index < lines.Count; index++)
            {
                if (lines[index].Length == 0)
                {
                    continue;
                }

                var parts = lines[index].Split(',').Select(part => part.Trim()).ToList();
                var number = index + 1;
                if (parts.Count > 3 || parts[0].Length == 0)
                {
                    return ([], $"Line {number}: give the practice's name, then its ODS code and list size if known, separated by commas");
                }

                if (parts[0].Length > 200)
                {
                    return ([], $"Line {number}: the practice's name must be 200 characters or fewer");
                }

                var odsCode = parts.Count > 1 && parts[1].Length > 0 ? parts[1] : null;
                if (odsCode is not null && (odsCode.Length is < 3 or > 10 || !odsCode.All(char.IsAsciiLetterOrDigit)))
                {
                    return ([], $"Line {number}: an ODS code is 3 to 10 letters and numbers, such as G82001");
                }

                int? listSize = null;
                if (parts.Count > 2 && parts[2].Length > 0)
                {
                    if (!int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var size) || size <= 0)
                    {
                        return ([], $"Line {number}: the list size is the number of registered patients, such as 12500");
                    }

                    listSize = size;
                }

                entries.Add(new PracticeEntry(parts[0], odsCode, listSize));
            }

            return (entries, null);
        }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(command => command.Question)
                .Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Enter the question put to the practices")
                .MaximumLength(500).WithMessage("The question must be 500 characters or fewer")
                .Must(question => Slug.From(question).Length > 0).WithMessage("Enter a question with letters or numbers in it")
                // Its address would be this page's.
                .Must(question => Slug.From(question) != "new").WithMessage("Choose other words: these are taken by the page for setting up a ballot");
            RuleFor(command => command.BodySlug).NotEmpty().WithMessage("Choose the CCG whose practices are asked");
            RuleFor(command => command.Practices)
                .Cascade(CascadeMode.Stop)
                .MaximumLength(100_000).WithMessage("The list must be 100,000 characters or fewer")
                .Custom((_, context) =>
                {
                    var (practices, problem) = context.InstanceToValidate.ReadPractices();
                    if (problem is not null)
                    {
                        context.AddFailure(problem);
                    }
                    else if (practices.Count == 0)
                    {
                        context.AddFailure("List the practices taking part, one a line");
                    }
                    else if (practices.GroupBy(practice => practice.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(group => group.Count() > 1) is { } twice)
                    {
                        context.AddFailure($"{twice.First().Name} is listed twice: list each practice once");
                    }
                    else if (practices.Where(practice => practice.OdsCode is not null).GroupBy(practice => practice.OdsCode!, StringComparer.OrdinalIgnoreCase).FirstOrDefault(group => group.Count() > 1) is { } code)
                    {
                        context.AddFailure($"The ODS code {code.Key} is listed twice: list each practice once");
                    }
                });
            RuleFor(command => command.OpensOn).NotNull().WithMessage("Enter the day the ballot opens");
            RuleFor(command => command.ClosesOn)
                .NotNull().WithMessage("Enter the last day answers are taken")
                .GreaterThanOrEqualTo(command => command.OpensOn).When(command => command.OpensOn is not null).WithMessage("The ballot must close on or after the day it opens");
            RuleFor(command => command.MajorityThreshold)
                .NotNull().WithMessage("Choose the share in support the question needs")
                .Must(threshold => threshold is null || Majorities.Any(majority => majority.Threshold == threshold)).WithMessage("Choose a share from the list");
        }
    }

    internal sealed class Handler(AppDbContext db, TimeProvider clock) : ICommandHandler<Command, string>
    {
        public async ValueTask<string> Handle(Command command, CancellationToken cancellationToken)
        {
            var body = await db.Bodies.SingleOrDefaultAsync(candidate => candidate.Slug == command.BodySlug, cancellationToken)
                ?? throw new ValidationException([new ValidationFailure(nameof(Command.BodySlug), "Choose a CCG from the list")]);
            if (body.ExistedTo < UkCalendar.Today(clock))
            {
                throw new ValidationException([new ValidationFailure(nameof(Command.BodySlug), $"{body.Name} has ended, so its practices can no longer be asked")]);
            }

            var ballot = PracticeBallot.Open(command.Question.Trim(), body.Id, command.ReadPractices().Practices, command.OpensOn!.Value, command.ClosesOn!.Value, command.MajorityThreshold!.Value);
            if (await db.PracticeBallots.AnyAsync(existing => existing.Slug == ballot.Slug, cancellationToken))
            {
                throw new ValidationException([new ValidationFailure(nameof(Command.Question), "There is already a ballot with this question")]);
            }

            db.PracticeBallots.Add(ballot);
            await db.SaveChangesAsync(cancellationToken);
            return ballot.Slug;
        }
    }
}
