using FluentValidation;
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
/// A question put to GP member practices: each practice's answer, the share in support per CCG and the average across
/// CCGs. Where the papers report only a summary, that is shown as reported, never turned into invented answers.
/// </summary>
[AllowAnonymous]
public sealed class DetailsModel(ISender sender, CurrentUser user) : PageModel
{
    public BallotView Ballot { get; private set; } = null!;

    /// <summary>The CCGs whose answers the signed-in user may record.</summary>
    public IReadOnlyList<CcgRow> Recordable { get; private set; } = [];

    [BindProperty]
    public AnswerForm Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken) =>
        await ShowAsync(slug, cancellationToken) ? Page() : NotFound();

    /// <summary>Open to the form, but the command is refused (403) unless the user is the CCG's secretary.</summary>
    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken cancellationToken)
    {
        if (!await ShowAsync(slug, cancellationToken))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var command = new RecordAnswer(slug, Input.BodySlug ?? "", Input.PracticeName ?? "", Input.Answer);
        var (recorded, _) = await sender.TrySendAsync(command, ModelState, nameof(Input), cancellationToken);
        if (!recorded)
        {
            return Page();
        }

        TempData["Confirmation"] = $"The answer of {command.PracticeName.Trim()} is recorded.";
        return Redirect($"/ballots/{slug}");
    }

    /// <summary>The CCG's secretary closes the ballot; its result then stands.</summary>
    public async Task<IActionResult> OnPostCloseAsync(string slug, CancellationToken cancellationToken)
    {
        if (!await ShowAsync(slug, cancellationToken))
        {
            return NotFound();
        }

        // The CCG the user runs, so the authorization asks about the right body; the handler checks it is the ballot's only one.
        var bodySlug = (Recordable.Count > 0 ? Recordable[0] : Ballot.Ccgs[0]).Slug;
        var (closed, _) = await sender.TrySendAsync(new CloseBallot(slug, bodySlug), ModelState, "Closing", cancellationToken);
        if (!closed)
        {
            return Page();
        }

        TempData["Confirmation"] = "The ballot is closed and its result recorded.";
        return Redirect($"/ballots/{slug}");
    }

    private async Task<bool> ShowAsync(string slug, CancellationToken cancellationToken)
    {
        var ballot = await sender.Send(new Query(slug), cancellationToken);
        if (ballot is null)
        {
            return false;
        }

        Ballot = ballot;
        Recordable = ballot.Ccgs.Where(ccg => user.CanRunMeetingsOf(ccg.BodyId)).ToList();
        return true;
    }

    public sealed class AnswerForm
    {
        public string? BodySlug { get; set; }
        public string? PracticeName { get; set; }
        public PracticeAnswerChoice? Answer { get; set; }
    }

    public sealed record Query(string Slug) : IQuery<BallotView?>;

    /// <param name="Supported">The result once closed (see <see cref="PracticeBallot.IsSupported"/>); null while open or with no answers.</param>
    public sealed record BallotView(
        string Question, string Slug, string? ReportedFinding, string? Source, IReadOnlyList<CcgRow> Ccgs,
        DateOnly? OpensOn, DateOnly? ClosesOn, decimal? MajorityThreshold, DateOnly? ClosedOn, bool? Supported, IReadOnlyList<BallotPracticeRow> Practices)
    {
        public decimal? AverageShare => CcgSupport.AverageShare(Ccgs.Select(ccg => ccg.Support));

        public bool HasAnswers => Ccgs.Any(ccg => ccg.Support.Answered > 0);

        /// <summary>Run here (not recorded from the papers), so it opens, closes and has a result.</summary>
        public bool IsRunHere => OpensOn is not null;
    }

    public sealed record CcgRow(int BodyId, string Name, string Slug, CcgSupport Support, IReadOnlyList<(string Practice, PracticeAnswerChoice Answer)> Answers);

    public sealed record BallotPracticeRow(int BodyId, string Name, string? OdsCode, int? ListSize, PracticeAnswerChoice? Answer);

    /// <summary>The secretary of the ballot's CCG closes it (authorized by <see cref="IBodySecretaryCommand"/>).</summary>
    public sealed record CloseBallot(string BallotSlug, string BodySlug) : ICommand<Unit>, IBodySecretaryCommand;

    /// <summary>The secretary of the CCG (authorized by <see cref="IBodySecretaryCommand"/>) records one practice's answer.</summary>
    public sealed record RecordAnswer(string BallotSlug, string BodySlug, string PracticeName, PracticeAnswerChoice? Answer) : ICommand<Unit>, IBodySecretaryCommand;

    public sealed class RecordAnswerValidator : AbstractValidator<RecordAnswer>
    {
        public RecordAnswerValidator()
        {
            RuleFor(command => command.BodySlug).NotEmpty().WithMessage("Choose the CCG");
            RuleFor(command => command.PracticeName)
                .NotEmpty().WithMessage("Enter the practice's name")
                .MaximumLength(200).WithMessage("The practice's name must be 200 characters or fewer");
            RuleFor(command => command.Answer).NotNull().WithMessage("Choose the practice's answer").IsInEnum();
        }
    }

    internal sealed class QueryHandler(AppDbContext db) : IQueryHandler<Query, BallotView?>
    {
        public async ValueTask<BallotView?> Handle(Query query, CancellationToken cancellationToken)
        {
            var ballot = await db.PracticeBallots
                .AsNoTracking()
                .Where(ballot => ballot.Slug == query.Slug)
                .Select(ballot => new
                {
                    ballot.Question,
                    ballot.Slug,
                    ballot.ReportedFinding,
                    ballot.Source,
                    Bodies = ballot.Bodies.Select(body => new { body.BodyId, body.Body!.Name, body.Body.Slug }).ToList(),
                    Answers = ballot.Answers.Select(answer => new { answer.BodyId, answer.PracticeName, answer.Answer }).ToList(),
                    Practices = ballot.Practices.Select(practice => new { practice.BodyId, practice.Name, practice.OdsCode, practice.ListSize }).ToList(),
                    Entity = ballot,
                })
                .SingleOrDefaultAsync(cancellationToken);
            if (ballot is null)
            {
                return null;
            }

            var ccgs = ballot.Bodies
                .OrderBy(body => body.Name, StringComparer.Ordinal)
                .Select(body =>
                {
                    var answers = ballot.Answers.Where(answer => answer.BodyId == body.BodyId).OrderBy(answer => answer.PracticeName, StringComparer.Ordinal).ToList();
                    var support = new CcgSupport(
                        answers.Count(answer => answer.Answer == PracticeAnswerChoice.Support),
                        answers.Count(answer => answer.Answer == PracticeAnswerChoice.Oppose),
                        answers.Count(answer => answer.Answer == PracticeAnswerChoice.Abstain));
                    return new CcgRow(body.BodyId, body.Name, body.Slug, support, answers.Select(answer => (answer.PracticeName, answer.Answer)).ToList());
                })
                .ToList();
            var practices = ballot.Practices
                .OrderBy(practice => practice.Name, StringComparer.Ordinal)
                .Select(practice => new BallotPracticeRow(
                    practice.BodyId,
                    practice.Name,
                    practice.OdsCode,
                    practice.ListSize,
                    ballot.Answers.FirstOrDefault(answer => answer.BodyId == practice.BodyId && string.Equals(answer.PracticeName, practice.Name, StringComparison.OrdinalIgnoreCase))?.Answer))
                .ToList();
            var entity = ballot.Entity;
            return new BallotView(
                ballot.Question, ballot.Slug, ballot.ReportedFinding, ballot.Source, ccgs,
                entity.OpensOn, entity.ClosesOn, entity.MajorityThreshold, entity.ClosedOn, entity.IsSupported(ccgs.Select(ccg => ccg.Support)), practices);
        }
    }

    internal sealed class RecordAnswerHandler(AppDbContext db, CurrentUser user, TimeProvider clock) : ICommandHandler<RecordAnswer, Unit>
    {
        public async ValueTask<Unit> Handle(RecordAnswer command, CancellationToken cancellationToken)
        {
            var ballot = await db.PracticeBallots.Include(ballot => ballot.Bodies).Include(ballot => ballot.Answers)
                .SingleOrDefaultAsync(ballot => ballot.Slug == command.BallotSlug, cancellationToken)
                ?? throw new NotFoundException($"There is no ballot '{command.BallotSlug}'.");
            var bodyId = await db.Bodies.Where(body => body.Slug == command.BodySlug).Select(body => body.Id).SingleAsync(cancellationToken);
            ballot.RecordAnswer(bodyId, command.PracticeName, command.Answer!.Value, clock.GetUtcNow(), user.Name);
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }

    internal sealed class CloseBallotHandler(AppDbContext db, TimeProvider clock) : ICommandHandler<CloseBallot, Unit>
    {
        public async ValueTask<Unit> Handle(CloseBallot command, CancellationToken cancellationToken)
        {
            var ballot = await db.PracticeBallots.Include(ballot => ballot.Bodies)
                .SingleOrDefaultAsync(ballot => ballot.Slug == command.BallotSlug, cancellationToken)
                ?? throw new NotFoundException($"There is no ballot '{command.BallotSlug}'.");

            // The authorization checked the body named; only a ballot of that body alone is theirs to close.
            if (ballot.Bodies.Count != 1 || await db.Bodies.Where(body => body.Slug == command.BodySlug).Select(body => body.Id).SingleAsync(cancellationToken) != ballot.Bodies[0].BodyId)
            {
                throw new GovernanceException("Only the secretary of the ballot's CCG can close it.");
            }

            ballot.Close(UkCalendar.Today(clock));
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}
