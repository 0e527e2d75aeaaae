using FluentValidation;
using KentMedwayCommissioning.Web.Data;
using KentMedwayCommissioning.Web.Domain;
using KentMedwayCommissioning.Web.Domain.Accounts;
using KentMedwayCommissioning.Web.Domain.Audit;
using KentMedwayCommissioning.Web.Domain.Meetings;
using KentMedwayCommissioning.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KentMedwayCommissioning.Web.Pages.Account;

/// <summary>
/// A person with a one-time link (the first administrator's from <c>create-admin</c>, an invitation, or a password reset)
/// chooses their password. The link
/// works once, for 24 hours; a used, expired, replaced or altered link gets a page saying so and changes nothing.
/// </summary>
[AllowAnonymous]
public sealed class SetPasswordModel(ISender sender) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public PasswordForm Input { get; set; } = new(string.Empty);

    public AccountLinkState State { get; private set; }

    public string? Email { get; private set; }

    public AccountLinkPurpose Purpose { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        (State, Email, Purpose) = await sender.Send(new LinkQuery(Token ?? string.Empty), cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var (validated, outcome) = await sender.TrySendAsync(new Command(Token ?? string.Empty, Input.Password), ModelState, nameof(Input), cancellationToken);
        if (!validated)
        {
            (State, Email, Purpose) = await sender.Send(new LinkQuery(Token ?? string.Empty), cancellationToken);
            if (State != AccountLinkState.Usable)
            {
                // The password's own errors do not matter when the link is dead: say only that.
                ModelState.Clear();
                ModelState.AddModelError(string.Empty, "This link cannot be used, so no password was set.");
            }

            return Page();
        }

        if (!outcome!.SignedIn)
        {
            TempData["Confirmation"] = "Your password is set. Sign in with it and a code from your authenticator app.";
            return RedirectToPage("/Account/SignIn");
        }

        TempData["Confirmation"] = "Your password is set and you are signed in.";
        return Redirect("/dashboard");
    }

    public sealed record PasswordForm([property: AuditRedacted] string Password);

    public sealed record LinkQuery(string Token) : IQuery<(AccountLinkState State, string? Email, AccountLinkPurpose Purpose)>;

    public sealed record Command([property: AuditRedacted] string Token, [property: AuditRedacted] string Password) : ICommand<Outcome>;

    /// <summary>Whether the person is now signed in (not when their account already has a second factor).</summary>
    public sealed record Outcome(bool SignedIn);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(command => command.Token).MaximumLength(200).WithMessage("This link is not valid");
            RuleFor(command => command.Password)
                .NotEmpty().WithMessage("Enter a password")
                .MaximumLength(512).WithMessage("Password must be 512 characters or fewer");
        }
    }

    internal sealed class LinkHandler(AppDbContext db, TimeProvider clock) : IQueryHandler<LinkQuery, (AccountLinkState, string?, AccountLinkPurpose)>
    {
        public async ValueTask<(AccountLinkState, string?, AccountLinkPurpose)> Handle(LinkQuery query, CancellationToken cancellationToken)
        {
            var hash = AccountLink.HashOf(query.Token);
            var found = await db.AccountLinks.AsNoTracking()
                .Where(link => link.TokenHash == hash)
                .Select(link => new { Link = link, Email = db.Users.Where(user => user.Id == link.UserId).Select(user => user.Email).Single() })
                .SingleOrDefaultAsync(cancellationToken);
            return found is null
                ? (AccountLinkState.Unknown, null, AccountLinkPurpose.SetPassword)
                : (found.Link.StateAt(clock.GetUtcNow()), found.Email, found.Link.Purpose);
        }
    }

    internal sealed class Handler(AppDbContext db, UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn, TimeProvider clock)
        : ICommandHandler<Command, Outcome>
    {
        public async ValueTask<Outcome> Handle(Command command, CancellationToken cancellationToken)
        {
            var hash = AccountLink.HashOf(command.Token);
            // Locked for the transaction, so the same link sent twice at once sets a password once.
            var link = (await db.AccountLinks.FromSql($"SELECT * FROM account_links WHERE token_hash = {hash} FOR UPDATE").ToListAsync(cancellationToken)).SingleOrDefault();
            var now = clock.GetUtcNow();
            if (link is null || link.StateAt(now) != AccountLinkState.Usable)
            {
                // Refused, so nothing is written, not even an audit entry: a guessed token leaves no trace to fill the log.
                throw new GovernanceException("This link cannot be used, so no password was set.");
            }

            var account = await users.FindByIdAsync(link.UserId) ?? throw new NotFoundException("The account for this link no longer exists.");
            if (await users.HasPasswordAsync(account))
            {
                (await users.RemovePasswordAsync(account)).ThrowIfFailed(nameof(PasswordForm.Password));
            }

            (await users.AddPasswordAsync(account, command.Password)).ThrowIfFailed(nameof(PasswordForm.Password));
            account.EmailConfirmed = true;
            (await users.UpdateAsync(account)).ThrowIfFailed(nameof(PasswordForm.Password));
            // Someone locked out who was given a fresh link can use their new password at once.
            (await users.SetLockoutEndDateAsync(account, null)).ThrowIfFailed(nameof(PasswordForm.Password));
            (await users.ResetAccessFailedCountAsync(account)).ThrowIfFailed(nameof(PasswordForm.Password));
            link.Use(now);
            await db.SaveChangesAsync(cancellationToken);

            if (account.TwoFactorEnabled)
            {
                // A link alone must not stand in for the second factor the account already has.
                return new Outcome(SignedIn: false);
            }

            await signIn.SignInAsync(account, isPersistent: false);
            return new Outcome(SignedIn: true);
        }
    }
}
