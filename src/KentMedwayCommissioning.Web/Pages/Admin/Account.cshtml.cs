using FluentValidation;
using KentMedwayCommissioning.Web.Data;
using KentMedwayCommissioning.Web.Domain;
using KentMedwayCommissioning.Web.Domain.Accounts;
using KentMedwayCommissioning.Web.Domain.Meetings;
using KentMedwayCommissioning.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KentMedwayCommissioning.Web.Pages.Admin;

/// <summary>
/// Changing what one account may do: its roles and the bodies it is secretary of, and lifting a lockout.
/// The change renews the account's security stamp, which ends its other sessions within a minute.
/// </summary>
[Authorize(Roles = Data.Roles.Administrator)]
public sealed class AccountModel(ISender sender) : PageModel
{
    [BindProperty]
    public List<string> Roles { get; set; } = [];

    [BindProperty]
    public List<string> SecretaryOf { get; set; } = [];

    public Details Account { get; private set; } = null!;

    /// <summary>An invitation link just made: shown this once.</summary>
    public Invitation.Sent? Sent { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        if (await sender.Send(new Query(id), cancellationToken) is not { } account)
        {
            return NotFound();
        }

        Account = account;
        Roles = [.. account.Roles];
        SecretaryOf = [.. account.SecretaryOf];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken cancellationToken)
    {
        if (await sender.Send(new Query(id), cancellationToken) is not { } account)
        {
            return NotFound();
        }

        Account = account;
        var (changed, _) = await sender.TrySendAsync(new ChangeAccessCommand(id, Roles, SecretaryOf), ModelState, "Access", cancellationToken);
        if (!changed)
        {
            return Page();
        }

        TempData["Confirmation"] = $"{account.DisplayName}'s access is changed. Their other sessions end within a minute.";
        return Redirect("/admin/accounts");
    }

    public async Task<IActionResult> OnPostResendAsync(string id, CancellationToken cancellationToken)
    {
        var (sent, invitation) = await sender.TrySendAsync(new Invitation.ResendCommand(id), ModelState, "Invitation", cancellationToken);
        if (await sender.Send(new Query(id), cancellationToken) is not { } account)
        {
            return NotFound();
        }

        (Account, Roles, SecretaryOf) = (account, [.. account.Roles], [.. account.SecretaryOf]);
        Sent = sent ? invitation : null;
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(string id, CancellationToken cancellationToken)
    {
        var (revoked, _) = await sender.TrySendAsync(new Invitation.RevokeCommand(id), ModelState, "Invitation", cancellationToken);
        if (await sender.Send(new Query(id), cancellationToken) is not { } account)
        {
            return NotFound();
        }

        if (!revoked)
        {
            (Account, Roles, SecretaryOf) = (account, [.. account.Roles], [.. account.SecretaryOf]);
            return Page();
        }

        TempData["Confirmation"] = $"{account.DisplayName}'s invitation is withdrawn: its link no longer works.";
        return Redirect($"/admin/accounts/{id}");
    }

    public async Task<IActionResult> OnPostUnlockAsync(string id, CancellationToken cancellationToken)
    {
        await sender.Send(new UnlockCommand(id), cancellationToken);
        TempData["Confirmation"] = "The account is unlocked.";
        return Redirect($"/admin/accounts/{id}");
    }

    public sealed record Query(string Id) : IQuery<Details?>;

    public sealed record Details(string Id, string Email, string DisplayName, IReadOnlyList<string> Roles, IReadOnlyList<string> SecretaryOf, IReadOnlyList<(string Slug, string Name)> Bodies, bool LockedOut, AccountLinkState? Invitation);

    public sealed record ChangeAccessCommand(string UserId, IReadOnlyList<string> Roles, IReadOnlyList<string> SecretaryOf) : ICommand, IAdministratorCommand;

    public sealed record UnlockCommand(string UserId) : ICommand, IAdministratorCommand;

    public sealed class Validator : AbstractValidator<ChangeAccessCommand>
    {
        public Validator()
        {
            RuleForEach(command => command.Roles)
                .Must(role => Data.Roles.All.Contains(role)).WithMessage("Choose roles from the list");
            RuleFor(command => command.SecretaryOf)
                .Must(bodies => bodies.Count <= 50).WithMessage("Choose at most 50 bodies");
            RuleForEach(command => command.SecretaryOf).MaximumLength(200).WithMessage("Choose bodies from the list");
            RuleFor(command => command.SecretaryOf)
                .Empty().When(command => !command.Roles.Contains(Data.Roles.BoardSecretary))
                .WithMessage("Only a board secretary is secretary of a body: add the BoardSecretary role, or clear the bodies");
        }
    }

    internal sealed class QueryHandler(AppDbContext db, UserManager<ApplicationUser> users, TimeProvider clock) : IQueryHandler<Query, Details?>
    {
        public async ValueTask<Details?> Handle(Query query, CancellationToken cancellationToken)
        {
            if (query.Id.Length > 450 || await users.FindByIdAsync(query.Id) is not { } account)
            {
                return null;
            }

            var bodies = await db.Bodies.AsNoTracking().OrderBy(body => body.Name).Select(body => new { body.Id, body.Slug, body.Name }).ToListAsync(cancellationToken);
            var secretaryOf = (await users.GetClaimsAsync(account)).Where(claim => claim.Type == CurrentUser.SecretaryOfClaim).Select(claim => claim.Value).ToHashSet();
            return new Details(
                account.Id, account.Email ?? account.Id, account.DisplayName,
                (await users.GetRolesAsync(account)).Order().ToList(),
                bodies.Where(body => secretaryOf.Contains(body.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))).Select(body => body.Slug).ToList(),
                bodies.Select(body => (body.Slug, body.Name)).ToList(),
                account.LockoutEnd > clock.GetUtcNow(),
                await Invitation.StateAsync(db, account, clock.GetUtcNow(), cancellationToken));
        }
    }

    internal sealed class ChangeAccessHandler(AppDbContext db, UserManager<ApplicationUser> users, CurrentUser user) : ICommandHandler<ChangeAccessCommand, Unit>
    {
        public async ValueTask<Unit> Handle(ChangeAccessCommand command, CancellationToken cancellationToken)
        {
            var account = await users.FindByIdAsync(command.UserId) ?? throw new NotFoundException($"There is no account {command.UserId}.");
            if (account.Id == user.UserId && !command.Roles.Contains(Data.Roles.Administrator))
            {
                // Otherwise the last administrator could lock everyone out of administration.
                throw new GovernanceException("You cannot remove your own Administrator role. Ask another administrator.");
            }

            var bodies = await db.Bodies.Where(body => command.SecretaryOf.Contains(body.Slug)).Select(body => new { body.Id, body.Slug }).ToListAsync(cancellationToken);
            if (bodies.Count != command.SecretaryOf.Distinct().Count())
            {
                throw new ValidationException([new FluentValidation.Results.ValidationFailure(nameof(ChangeAccessCommand.SecretaryOf), "Choose bodies from the list")]);
            }

            var current = await users.GetRolesAsync(account);
            Check(await users.RemoveFromRolesAsync(account, current.Except(command.Roles)));
            Check(await users.AddToRolesAsync(account, command.Roles.Distinct().Except(current)));

            var claims = (await users.GetClaimsAsync(account)).Where(claim => claim.Type == CurrentUser.SecretaryOfClaim).ToList();
            Check(await users.RemoveClaimsAsync(account, claims));
            Check(await users.AddClaimsAsync(account, bodies.Select(body => SecretaryClaim.For(body.Id))));
            Check(await users.UpdateSecurityStampAsync(account));
            return Unit.Value;
        }

        private static void Check(IdentityResult result)
        {
            if (!result.Succeeded)
            {
                throw new InvalidOperationException(string.Join("; ", result.Errors.Select(error => error.Description)));
            }
        }
    }

    internal sealed class UnlockHandler(UserManager<ApplicationUser> users) : ICommandHandler<UnlockCommand, Unit>
    {
        public async ValueTask<Unit> Handle(UnlockCommand command, CancellationToken cancellationToken)
        {
            var account = await users.FindByIdAsync(command.UserId) ?? throw new NotFoundException($"There is no account {command.UserId}.");
            await users.SetLockoutEndDateAsync(account, null);
            await users.ResetAccessFailedCountAsync(account);
            return Unit.Value;
        }
    }
}
