using FluentValidation;
using KentMedwayCommissioning.Web.Data;
using KentMedwayCommissioning.Web.Domain.Accounts;
using KentMedwayCommissioning.Web.Infrastructure;
using KentMedwayCommissioning.Web.Infrastructure.Email;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KentMedwayCommissioning.Web.Pages.Account;

/// <summary>
/// "Forgot your password?": a one-time link to choose a new one is emailed to the account's address. The page answers
/// in the same words whether or not an account uses the address, and the mail goes from a queue, so neither the words
/// nor the time taken tell a stranger which addresses have accounts.
/// </summary>
[AllowAnonymous]
public sealed class ForgotPasswordModel(ISender sender) : PageModel
{
    public const string Answer = "If an account uses that email address, we have sent it a link to choose a new password. The link works once, for 24 hours. If nothing arrives, check the address or ask your administrator.";

    [BindProperty]
    public Command Input { get; set; } = new(string.Empty);

    public bool Requested { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var (requested, _) = await sender.TrySendAsync(Input, ModelState, nameof(Input), cancellationToken);
        Requested = requested;
        return Page();
    }

    public sealed record Command(string Email) : ICommand;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(command => command.Email)
                .NotEmpty().WithMessage("Enter your email address")
                .MaximumLength(256).WithMessage("Email address must be 256 characters or fewer")
                .EmailAddress().WithMessage("Enter an email address in the correct format, like name@example.com");
        }
    }

    internal sealed class Handler(AppDbContext db, UserManager<ApplicationUser> users, Outbox outbox, IConfiguration configuration, TimeProvider clock)
        : ICommandHandler<Command, Unit>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            // Only an account that has a password: an invitation not yet accepted is renewed by an administrator, and a
            // stranger's request must not replace its link.
            if (!outbox.CanSend || await users.FindByEmailAsync(command.Email.Trim()) is not { PasswordHash: not null } account)
            {
                return Unit.Value;
            }

            var token = await AccountLinks.IssueAsync(db, account.Id, AccountLinkPurpose.PasswordReset, clock.GetUtcNow(), cancellationToken);
            outbox.TrySend(new OutgoingMail(
                account.Email!,
                "Choose a new password for Kent and Medway Commissioning",
                $"""
                Hello {account.DisplayName},

                Someone (we hope you) asked to choose a new password for your account. Choose it here (the link works once, for {AccountLink.Lifetime.TotalHours:0} hours):
                {AccountLinks.AddressOf(configuration, token)}

                If you did not ask, you can ignore this email: your password has not changed.
                """));
            return Unit.Value;
        }
    }
}
