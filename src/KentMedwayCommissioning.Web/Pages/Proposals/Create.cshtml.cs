using FluentValidation;
using FluentValidation.Results;
using KentMedwayCommissioning.Web.Data;
using KentMedwayCommissioning.Web.Domain;
using KentMedwayCommissioning.Web.Domain.Meetings;
using KentMedwayCommissioning.Web.Infrastructure;
using KentMedwayCommissioning.Web.Pages.Meetings;
using KentMedwayCommissioning.Web.Pages.Shared;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KentMedwayCommissioning.Web.Pages.Proposals;

/// <summary>
/// Programme office staff (or a board secretary, for their own bodies) write a proposal and send it to several bodies at
/// once: each chosen body gets an item for decision on one of its own scheduled meetings, all in one transaction.
/// </summary>
[Authorize(Roles = $"{Roles.ProgrammeOffice},{Roles.BoardSecretary},{Roles.Administrator}")]
public sealed class CreateModel(ISender sender, CurrentUser user) : PageModel
{
    [BindProperty]
    public ProposalForm Input { get; set; } = new();

    /// <summary>The bodies the user may send to, each with its scheduled meetings, in the order the form lists them.</summary>
    public IReadOnlyList<BodyChoice> Choices { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadChoicesAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadChoicesAsync(cancellationToken);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var command = new Command(
            Input.Title ?? string.Empty,
            Input.Description,
            Input.Question ?? string.Empty,
            [.. Input.Sendings.Select(sending => new Sending(sending.BodySlug ?? string.Empty, sending.MeetingId))]);
        var (created, slug) = await sender.TrySendAsync(command, ModelState, nameof(Input), cancellationToken);
        if (!created)
        {
            return Page();
        }

        var sent = command.Sendings.Count(sending => sending.MeetingId is not null);
        TempData["Confirmation"] = $"The proposal is sent to {sent} {(sent == 1 ? "body" : "bodies")}: each has it on the agenda of the meeting chosen.";
        return Redirect($"/proposals/{slug}");
    }

    private async Task LoadChoicesAsync(CancellationToken cancellationToken)
    {
        var choices = await sender.Send(new ChoicesQuery(), cancellationToken);
        Choices = user.IsProgrammeOffice ? choices : [.. choices.Where(choice => user.CanRunMeetingsOf(choice.BodyId))];
    }

    public sealed class ProposalForm
    {
        public string? Title { get; set; }
        public string? Description { get; set; }
        public string? Question { get; set; }
        public List<SendingForm> Sendings { get; set; } = [];
    }

    public sealed class SendingForm
    {
        public string? BodySlug { get; set; }
        public int? MeetingId { get; set; }
    }

    public sealed record BodyChoice(int BodyId, string Name, string Slug, IReadOnlyList<MeetingChoice> Meetings);

    public sealed record MeetingChoice(int Id, string Title, DateTimeOffset StartsAt)
    {
        public string Label => $"{Display.DateTime(StartsAt)}: {Title}";
    }

    /// <summary>Bodies that have not ended, with their meetings still to be held.</summary>
    public sealed record ChoicesQuery : IQuery<IReadOnlyList<BodyChoice>>;

    internal sealed class ChoicesHandler(AppDbContext db, TimeProvider clock) : IQueryHandler<ChoicesQuery, IReadOnlyList<BodyChoice>>
    {
        public async ValueTask<IReadOnlyList<BodyChoice>> Handle(ChoicesQuery query, CancellationToken cancellationToken)
        {
            var today = UkCalendar.Today(clock);
            var fromToday = UkCalendar.StartOfDay(today);
            var bodies = await db.Bodies
                .AsNoTracking()
                .Where(body => body.ExistedTo == null || body.ExistedTo >= today)
                .OrderBy(body => body.Name)
                .Select(body => new { body.Id, body.Name, body.Slug })
                .ToListAsync(cancellationToken);
            var meetings = await db.Meetings
                .AsNoTracking()
                .Where(meeting => meeting.Status == MeetingStatus.Planned && meeting.StartsAt >= fromToday)
                .OrderBy(meeting => meeting.StartsAt)
                .Select(meeting => new { meeting.BodyId, Choice = new MeetingChoice(meeting.Id, meeting.Title, meeting.StartsAt) })
                .ToListAsync(cancellationToken);
            return [.. bodies.Select(body => new BodyChoice(body.Id, body.Name, body.Slug, [.. meetings.Where(meeting => meeting.BodyId == body.Id).Select(meeting => meeting.Choice)]))];
        }
    }

    /// <summary>One row of the form: a body, and the meeting at which it decides (none: the proposal is not sent to it).</summary>
    public sealed record Sending(string BodySlug, int? MeetingId);

    public sealed record Command(string Title, string? Description, string Question, IReadOnlyList<Sending> Sendings) : ICommand<string>, IBodiesSecretaryCommand
    {
        public IReadOnlyList<Sending> Chosen => [.. Sendings.Where(sending => sending.MeetingId is not null)];

        IReadOnlyCollection<string> IBodiesSecretaryCommand.BodySlugs => [.. Chosen.Select(sending => sending.BodySlug)];
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(command => command.Title)
                .Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Enter the proposal's title")
                .MaximumLength(300).WithMessage("The title must be 300 characters or fewer")
                .Must(title => Slug.From(title).Length > 0).WithMessage("Enter a title with letters or numbers in it")
                // Its address would be this page's.
                .Must(title => Slug.From(title) != "new").WithMessage("Choose another title: this one is taken by the page for writing a proposal");
            RuleFor(command => command.Description).MaximumLength(4000).WithMessage("The description must be 4,000 characters or fewer");
            RuleFor(command => command.Question)
                .NotEmpty().WithMessage("Enter the question each body will vote on")
                .MaximumLength(2000).WithMessage("The question must be 2,000 characters or fewer");
            RuleFor(command => command.Sendings)
                .Must(sendings => sendings.Count <= 500).WithMessage("Choose from the bodies listed")
                .Must(sendings => sendings.Any(sending => sending.MeetingId is not null)).WithMessage("Choose at least one body, and the meeting at which it decides");
            RuleForEach(command => command.Sendings).ChildRules(sending =>
                sending.RuleFor(row => row.BodySlug).NotEmpty().WithMessage("Choose a body from the list").MaximumLength(300).WithMessage("Choose a body from the list"));
            RuleFor(command => command).Custom((command, context) =>
            {
                for (var index = 0; index < command.Sendings.Count; index++)
                {
                    var sending = command.Sendings[index];
                    if (sending.MeetingId is not null
                        && command.Sendings.Take(index).Any(earlier => earlier.MeetingId is not null && string.Equals(earlier.BodySlug, sending.BodySlug, StringComparison.OrdinalIgnoreCase)))
                    {
                        context.AddFailure(new ValidationFailure($"{nameof(Command.Sendings)}[{index}].{nameof(Sending.MeetingId)}", "This body is chosen twice: send the proposal to each body once"));
                    }
                }
            });
        }
    }

    /// <summary>
    /// Checks every chosen body and meeting before writing anything, and answers all the refusals at once, each next to
    /// its row. Each meeting is locked first (as every agenda change is) so it cannot start while its item is added.
    /// </summary>
    internal sealed class Handler(AppDbContext db, TimeProvider clock) : ICommandHandler<Command, string>
    {
        public async ValueTask<string> Handle(Command command, CancellationToken cancellationToken)
        {
            var today = UkCalendar.Today(clock);
            var proposal = new Proposal(command.Title.Trim(), string.IsNullOrWhiteSpace(command.Description) ? null : command.Description.Trim(), null);
            var failures = new List<ValidationFailure>();
            if (await db.Proposals.AnyAsync(existing => existing.Slug == proposal.Slug, cancellationToken))
            {
                failures.Add(new ValidationFailure(nameof(Command.Title), $"There is already a proposal called {proposal.Title}"));
            }

            var slugs = command.Chosen.Select(sending => sending.BodySlug).Distinct().ToList();
            var bodies = await db.Bodies.Where(body => slugs.Contains(body.Slug)).ToDictionaryAsync(body => body.Slug, StringComparer.Ordinal, cancellationToken);
            foreach (var meetingId in command.Chosen.Select(sending => sending.MeetingId!.Value).Distinct().Order())
            {
                await RunMeeting.LockAsync(db, meetingId, cancellationToken);
            }

            var meetingIds = command.Chosen.Select(sending => sending.MeetingId!.Value).ToList();
            var meetings = await db.Meetings.Include(meeting => meeting.Items).Where(meeting => meetingIds.Contains(meeting.Id)).ToDictionaryAsync(meeting => meeting.Id, cancellationToken);

            var placed = new List<(Body Body, Meeting Meeting)>();
            for (var index = 0; index < command.Sendings.Count; index++)
            {
                var sending = command.Sendings[index];
                if (sending.MeetingId is null)
                {
                    continue;
                }

                var refusal = Refusal(bodies.GetValueOrDefault(sending.BodySlug), meetings.GetValueOrDefault(sending.MeetingId.Value), today);
                if (refusal is not null)
                {
                    failures.Add(new ValidationFailure($"{nameof(Command.Sendings)}[{index}].{nameof(Sending.MeetingId)}", refusal));
                }
                else
                {
                    placed.Add((bodies[sending.BodySlug], meetings[sending.MeetingId.Value]));
                }
            }

            if (failures.Count > 0)
            {
                throw new ValidationException(failures);
            }

            db.Proposals.Add(proposal);
            await db.SaveChangesAsync(cancellationToken);
            foreach (var (body, meeting) in placed)
            {
                proposal.SendTo(body.Id);
                meeting.AddItem(proposal.Title, AgendaItemKind.ForDecision, MeetingPart.Public, command.Question.Trim(), proposal.Id);
            }

            await db.SaveChangesAsync(cancellationToken);
            return proposal.Slug;
        }

        private static string? Refusal(Body? body, Meeting? meeting, DateOnly today) => (body, meeting) switch
        {
            (null, _) => "Choose a body from the list",
            ({ ExistedTo: { } ended }, _) when ended < today => $"{body.Name} ended on {Display.Date(ended)}, so it no longer decides",
            (_, null) => $"Choose one of {body.Name}'s own meetings",
            (_, not null) when meeting.BodyId != body.Id => $"Choose one of {body.Name}'s own meetings",
            (_, { Status: not MeetingStatus.Planned }) => $"That meeting of {body.Name} is {meeting.Status.DisplayName().ToLowerInvariant()}: choose one still to be held",
            (_, not null) when UkCalendar.DayOf(meeting.StartsAt) < today => $"That meeting of {body.Name} was due on {Display.Date(UkCalendar.DayOf(meeting.StartsAt))}: choose one still to be held",
            _ => null,
        };
    }
}
