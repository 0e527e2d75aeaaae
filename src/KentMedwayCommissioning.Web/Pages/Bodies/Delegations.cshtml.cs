using FluentValidation;
using FluentValidation.Results;
using KentMedwayCommissioning.Web.Data;
using KentMedwayCommissioning.Web.Domain;
using KentMedwayCommissioning.Web.Infrastructure;
using KentMedwayCommissioning.Web.Pages.Shared;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KentMedwayCommissioning.Web.Pages.Bodies;

/// <summary>
/// The commissioning functions member bodies delegate to a joint committee, each for a period: an administrator records
/// a delegation from a day (with the published decision that authorised it, when there is one) and ends one on its last
/// day, each with a reason kept in the committee's history. The functions are the programme's list (/programme/functions).
/// </summary>
[Authorize(Roles = Roles.Administrator)]
public sealed class DelegationsModel(ISender sender) : PageModel
{
    public CommitteeDelegations Committee { get; private set; } = null!;

    [BindProperty]
    public RecordForm Recording { get; set; } = new();

    [BindProperty]
    public EndForm Ending { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken) =>
        await ShowAsync(slug, cancellationToken) ?? Page();

    public Task<IActionResult> OnPostAsync(string slug, CancellationToken cancellationToken) =>
        SendAsync(slug, new RecordDelegation(slug, Recording.MemberSlug ?? "", Recording.FunctionId, Recording.From, Recording.DecisionSequence, Recording.Reason ?? ""), nameof(Recording), "The delegation has been recorded.", cancellationToken);

    public Task<IActionResult> OnPostEndAsync(string slug, CancellationToken cancellationToken) =>
        SendAsync(slug, new EndDelegation(slug, Ending.DelegationId, Ending.LastDay, Ending.Reason ?? ""), nameof(Ending), "The delegation's last day has been recorded.", cancellationToken);

    private async Task<IActionResult> SendAsync(string slug, ICommand<Unit> command, string prefix, string confirmation, CancellationToken cancellationToken)
    {
        if (await ShowAsync(slug, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var (sent, _) = await sender.TrySendAsync(command, ModelState, prefix, cancellationToken);
        if (!sent)
        {
            return Page();
        }

        TempData["Confirmation"] = confirmation;
        return Redirect($"/bodies/{slug}");
    }

    private async Task<IActionResult?> ShowAsync(string slug, CancellationToken cancellationToken)
    {
        var committee = await sender.Send(new Query(slug), cancellationToken);
        if (committee is null)
        {
            return NotFound();
        }

        Committee = committee;
        return null;
    }

    public sealed class RecordForm
    {
        public string? MemberSlug { get; set; }
        public int? FunctionId { get; set; }
        public DateOnly? From { get; set; }
        public long? DecisionSequence { get; set; }
        public string? Reason { get; set; }
    }

    public sealed class EndForm
    {
        public int? DelegationId { get; set; }
        public DateOnly? LastDay { get; set; }
        public string? Reason { get; set; }
    }

    public sealed record Query(string Slug) : IQuery<CommitteeDelegations?>;

    public sealed record CommitteeDelegations(string Name, string Slug, BodyKind Kind, IReadOnlyList<Choice> Members, IReadOnlyList<Choice> Functions, IReadOnlyList<Choice> Endable);

    public sealed record Choice(string Value, string Label);

    public sealed record RecordDelegation(string CommitteeSlug, string MemberSlug, int? FunctionId, DateOnly? From, long? DecisionSequence, string Reason) : ICommand<Unit>, IAdministratorCommand;

    public sealed record EndDelegation(string CommitteeSlug, int? DelegationId, DateOnly? LastDay, string Reason) : ICommand<Unit>, IAdministratorCommand;

    public sealed class RecordDelegationValidator : AbstractValidator<RecordDelegation>
    {
        public RecordDelegationValidator()
        {
            RuleFor(command => command.MemberSlug).NotEmpty().WithMessage("Choose the member body that delegates");
            RuleFor(command => command.FunctionId).NotNull().WithMessage("Choose the function it delegates");
            RuleFor(command => command.From).NotNull().WithMessage("Enter the day the delegation starts");
            ReasonKeptInHistory(RuleFor(command => command.Reason));
        }
    }

    public sealed class EndDelegationValidator : AbstractValidator<EndDelegation>
    {
        public EndDelegationValidator()
        {
            RuleFor(command => command.DelegationId).NotNull().WithMessage("Choose the delegation to end");
            RuleFor(command => command.LastDay).NotNull().WithMessage("Enter the delegation's last day");
            ReasonKeptInHistory(RuleFor(command => command.Reason));
        }
    }

    private static void ReasonKeptInHistory<T>(IRuleBuilder<T, string> reason) =>
        reason
            .NotEmpty().WithMessage("Say why: the reason is kept in the committee's history")
            .MaximumLength(2000).WithMessage("The reason must be 2,000 characters or fewer");

    internal sealed class QueryHandler(AppDbContext db) : IQueryHandler<Query, CommitteeDelegations?>
    {
        public async ValueTask<CommitteeDelegations?> Handle(Query query, CancellationToken cancellationToken)
        {
            var committee = await db.Bodies.AsNoTracking()
                .Where(body => body.Slug == query.Slug)
                .Select(body => new
                {
                    body.Id,
                    body.Name,
                    body.Slug,
                    body.Kind,
                    Members = body.MemberBodies.Select(member => new { member.MemberBody.Slug, member.MemberBody.Name }).Distinct().ToList(),
                })
                .SingleOrDefaultAsync(cancellationToken);
            if (committee is null)
            {
                return null;
            }

            var functions = await db.FunctionAllocations.AsNoTracking().OrderBy(function => function.Function)
                .Select(function => new { function.Id, function.Function }).ToListAsync(cancellationToken);
            var endable = await (
                    from delegation in db.Delegations.AsNoTracking()
                    where delegation.CommitteeId == committee.Id && delegation.To == null
                    join member in db.Bodies on delegation.MemberBodyId equals member.Id
                    join function in db.FunctionAllocations on delegation.FunctionId equals function.Id
                    orderby member.Name, function.Function
                    select new { delegation.Id, MemberName = member.Name, function.Function, delegation.From })
                .ToListAsync(cancellationToken);
            return new CommitteeDelegations(
                committee.Name,
                committee.Slug,
                committee.Kind,
                committee.Members.OrderBy(member => member.Name, StringComparer.Ordinal).Select(member => new Choice(member.Slug, member.Name)).ToList(),
                functions.Select(function => new Choice(function.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), function.Function)).ToList(),
                endable.Select(row => new Choice(row.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{row.MemberName}: {row.Function} (from {Display.Date(row.From)})")).ToList());
        }
    }

    internal sealed class RecordDelegationHandler(AppDbContext db, TimeProvider clock) : ICommandHandler<RecordDelegation, Unit>
    {
        public async ValueTask<Unit> Handle(RecordDelegation command, CancellationToken cancellationToken)
        {
            var committee = await LockAsync(db, command.CommitteeSlug, cancellationToken);
            if (committee.Kind != BodyKind.JointCommittee)
            {
                throw Refused(nameof(RecordDelegation.MemberSlug), $"{committee.Name} is not a joint committee, so no function can be delegated to it");
            }

            var memberships = committee.MemberBodies.Where(member => member.MemberBody.Slug == command.MemberSlug).ToList();
            var member = memberships.FirstOrDefault()?.MemberBody
                ?? throw Refused(nameof(RecordDelegation.MemberSlug), "Choose a member body of the committee from the list");
            var function = await db.FunctionAllocations.SingleOrDefaultAsync(function => function.Id == command.FunctionId, cancellationToken)
                ?? throw Refused(nameof(RecordDelegation.FunctionId), "Choose the function from the list");
            if (command.DecisionSequence is { } sequence && !await db.PublishedDecisions.AnyAsync(decision => decision.Sequence == sequence, cancellationToken))
            {
                throw Refused(nameof(RecordDelegation.DecisionSequence), $"There is no published decision {sequence}");
            }

            var sameFunction = await db.Delegations
                .Where(delegation => delegation.CommitteeId == committee.Id && delegation.MemberBodyId == member.Id && delegation.FunctionId == function.Id)
                .ToListAsync(cancellationToken);
            var from = command.From!.Value;
            if (Delegation.WhyNotDelegate(member.Name, memberships, sameFunction, from) is { } refusal)
            {
                throw Refused(nameof(RecordDelegation.From), refusal);
            }

            db.Delegations.Add(new Delegation(committee.Id, member.Id, function.Id, from, command.DecisionSequence));
            db.BodyChanges.Add(new BodyChange(committee, $"Function delegated by {member.Name}: {function.Function}", from, command.Reason.Trim(), clock.GetUtcNow()));
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }

    internal sealed class EndDelegationHandler(AppDbContext db, TimeProvider clock) : ICommandHandler<EndDelegation, Unit>
    {
        public async ValueTask<Unit> Handle(EndDelegation command, CancellationToken cancellationToken)
        {
            var committee = await LockAsync(db, command.CommitteeSlug, cancellationToken);
            var delegation = await db.Delegations.SingleOrDefaultAsync(delegation => delegation.Id == command.DelegationId && delegation.CommitteeId == committee.Id, cancellationToken)
                ?? throw Refused(nameof(EndDelegation.DelegationId), "Choose the delegation from the list");
            var lastDay = command.LastDay!.Value;
            if (delegation.WhyNotEnd(lastDay) is { } refusal)
            {
                throw Refused(nameof(EndDelegation.LastDay), refusal);
            }

            var member = await db.Bodies.Where(body => body.Id == delegation.MemberBodyId).Select(body => body.Name).SingleAsync(cancellationToken);
            var function = await db.FunctionAllocations.Where(function => function.Id == delegation.FunctionId).Select(function => function.Function).SingleAsync(cancellationToken);
            delegation.End(lastDay);
            db.BodyChanges.Add(new BodyChange(committee, $"Delegation by {member} ended: {function}", lastDay, command.Reason.Trim(), clock.GetUtcNow()));
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }

    /// <summary>The committee with its memberships, under its row lock, so two delegations sent at once are checked one after the other.</summary>
    private static async Task<Body> LockAsync(AppDbContext db, string slug, CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM bodies WHERE slug = {slug} FOR UPDATE", cancellationToken);
        return await db.Bodies.Include(body => body.MemberBodies).ThenInclude(member => member.MemberBody)
            .SingleAsync(body => body.Slug == slug, cancellationToken);
    }

    private static ValidationException Refused(string field, string message) => new([new ValidationFailure(field, message)]);
}
