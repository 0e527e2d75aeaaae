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

namespace KentMedwayCommissioning.Web.Pages.Bodies;

/// <summary>
/// A joint committee's member bodies, each for a period: an administrator adds a member from a day and ends a
/// membership on its last day, each with a reason kept in the committee's history. Ending a membership never removes
/// it: the committee's page lists past members with their dates.
/// </summary>
[Authorize(Roles = Roles.Administrator)]
public sealed class MembersModel(ISender sender) : PageModel
{
    public CommitteeMembers Committee { get; private set; } = null!;

    [BindProperty]
    public AddForm Adding { get; set; } = new();

    [BindProperty]
    public EndForm Ending { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken) =>
        await ShowAsync(slug, cancellationToken) ?? Page();

    public Task<IActionResult> OnPostAsync(string slug, CancellationToken cancellationToken) =>
        SendAsync(slug, new AddMember(slug, Adding.MemberSlug ?? "", Adding.From, Adding.Reason ?? ""), nameof(Adding), "The member body has been added.", cancellationToken);

    public Task<IActionResult> OnPostEndAsync(string slug, CancellationToken cancellationToken) =>
        SendAsync(slug, new EndMembership(slug, Ending.MembershipId, Ending.LastDay, Ending.Reason ?? ""), nameof(Ending), "The membership's last day has been recorded.", cancellationToken);

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

    public sealed class AddForm
    {
        public string? MemberSlug { get; set; }
        public DateOnly? From { get; set; }
        public string? Reason { get; set; }
    }

    public sealed class EndForm
    {
        public int? MembershipId { get; set; }
        public DateOnly? LastDay { get; set; }
        public string? Reason { get; set; }
    }

    public sealed record Query(string Slug) : IQuery<CommitteeMembers?>;

    public sealed record CommitteeMembers(string Name, string Slug, BodyKind Kind, IReadOnlyList<Membership> Memberships, IReadOnlyList<BodyChoice> Bodies)
    {
        public IEnumerable<Membership> Endable => Memberships.Where(membership => membership.To is null);
    }

    public sealed record Membership(int Id, string BodyName, DateOnly? From, DateOnly? To);

    public sealed record BodyChoice(string Name, string Slug);

    public sealed record AddMember(string CommitteeSlug, string MemberSlug, DateOnly? From, string Reason) : ICommand<Unit>, IAdministratorCommand;

    public sealed record EndMembership(string CommitteeSlug, int? MembershipId, DateOnly? LastDay, string Reason) : ICommand<Unit>, IAdministratorCommand;

    public sealed class AddMemberValidator : AbstractValidator<AddMember>
    {
        public AddMemberValidator()
        {
            RuleFor(command => command.MemberSlug).NotEmpty().WithMessage("Choose the member body");
            RuleFor(command => command.From).NotNull().WithMessage("Enter the day its membership starts");
            ReasonKeptInHistory(RuleFor(command => command.Reason));
        }
    }

    public sealed class EndMembershipValidator : AbstractValidator<EndMembership>
    {
        public EndMembershipValidator()
        {
            RuleFor(command => command.MembershipId).NotNull().WithMessage("Choose the membership to end");
            RuleFor(command => command.LastDay).NotNull().WithMessage("Enter the membership's last day");
            ReasonKeptInHistory(RuleFor(command => command.Reason));
        }
    }

    private static void ReasonKeptInHistory<T>(IRuleBuilder<T, string> reason) =>
        reason
            .NotEmpty().WithMessage("Say why: the reason is kept in the committee's history")
            .MaximumLength(2000).WithMessage("The reason must be 2,000 characters or fewer");

    internal sealed class QueryHandler(AppDbContext db) : IQueryHandler<Query, CommitteeMembers?>
    {
        public async ValueTask<CommitteeMembers?> Handle(Query query, CancellationToken cancellationToken)
        {
            var committee = await db.Bodies.AsNoTracking()
                .Where(body => body.Slug == query.Slug)
                .Select(body => new
                {
                    body.Id,
                    body.Name,
                    body.Slug,
                    body.Kind,
                    Memberships = body.MemberBodies
                        .OrderBy(member => member.MemberBody.Name).ThenBy(member => member.From)
                        .Select(member => new Membership(member.Id, member.MemberBody.Name, member.From, member.To))
                        .ToList(),
                })
                .SingleOrDefaultAsync(cancellationToken);
            if (committee is null)
            {
                return null;
            }

            var bodies = await db.Bodies.AsNoTracking()
                .Where(body => body.Id != committee.Id)
                .OrderBy(body => body.Name)
                .Select(body => new BodyChoice(body.Name, body.Slug))
                .ToListAsync(cancellationToken);
            return new CommitteeMembers(committee.Name, committee.Slug, committee.Kind, committee.Memberships, bodies);
        }
    }

    internal sealed class AddMemberHandler(AppDbContext db, TimeProvider clock) : ICommandHandler<AddMember, Unit>
    {
        public async ValueTask<Unit> Handle(AddMember command, CancellationToken cancellationToken)
        {
            var committee = await LockAsync(db, command.CommitteeSlug, cancellationToken);
            var member = await db.Bodies.SingleOrDefaultAsync(body => body.Slug == command.MemberSlug, cancellationToken)
                ?? throw Refused(nameof(AddMember.MemberSlug), "Choose the member body from the list");
            if (committee.WhyNotMember(member) is { } notMember)
            {
                throw Refused(nameof(AddMember.MemberSlug), notMember);
            }

            var from = command.From!.Value;
            if (committee.WhyNotMemberFrom(member, from) is { } notFrom)
            {
                throw Refused(nameof(AddMember.From), notFrom);
            }

            committee.AddMemberBody(member, from);
            db.BodyChanges.Add(new BodyChange(committee, $"Member body added: {member.Name}", from, command.Reason.Trim(), clock.GetUtcNow()));
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }

    internal sealed class EndMembershipHandler(AppDbContext db, TimeProvider clock) : ICommandHandler<EndMembership, Unit>
    {
        public async ValueTask<Unit> Handle(EndMembership command, CancellationToken cancellationToken)
        {
            var committee = await LockAsync(db, command.CommitteeSlug, cancellationToken);
            var membership = committee.MemberBodies.SingleOrDefault(member => member.Id == command.MembershipId)
                ?? throw Refused(nameof(EndMembership.MembershipId), "Choose the membership from the list");
            var lastDay = command.LastDay!.Value;
            if (membership.WhyNotEnd(lastDay) is { } refusal)
            {
                throw Refused(nameof(EndMembership.LastDay), refusal);
            }

            membership.End(lastDay);
            db.BodyChanges.Add(new BodyChange(committee, $"Member body left: {membership.MemberBody.Name}", lastDay, command.Reason.Trim(), clock.GetUtcNow()));
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }

    /// <summary>The committee with its memberships, under its row lock, so two changes sent at once are checked one after the other.</summary>
    private static async Task<Body> LockAsync(AppDbContext db, string slug, CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM bodies WHERE slug = {slug} FOR UPDATE", cancellationToken);
        return await db.Bodies.Include(body => body.MemberBodies).ThenInclude(member => member.MemberBody)
            .SingleAsync(body => body.Slug == slug, cancellationToken);
    }

    private static ValidationException Refused(string field, string message) => new([new ValidationFailure(field, message)]);
}
