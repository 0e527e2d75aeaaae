using FluentValidation;
using KentMedwayCommissioning.Web.Data;
using KentMedwayCommissioning.Web.Domain;
using KentMedwayCommissioning.Web.Domain.Audit;
using KentMedwayCommissioning.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KentMedwayCommissioning.Web.Pages.Account;

/// <summary>
/// Changing one's own password. Identity's rules apply (12 characters or more, not a common password); the change renews
/// the security stamp, which ends the account's other sessions within a minute while this one carries on.
/// </summary>
public sealed class ChangePasswordModel(ISender sender) : PageModel
{
    [BindProperty]
    public Command Input { get; set; } = new(string.Empty, string.Empty);

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var (changed, _) = await sender.TrySendAsync(Input, ModelState, nameof(Input), cancellationToken);
        if (!changed)
        {
            return Page();
        }

        TempData["Confirmation"] = "Your password is changed. Anywhere else you were signed in, you will be asked to sign in again.";
        return Redirect("/dashboard");
    }

    public sealed record Command([property: AuditRedacted] string CurrentPassword, [property: AuditRedacted] string NewPassword) : ICommand;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(command => command.CurrentPassword)
                .NotEmpty().WithMessage("Enter your current password")
                .MaximumLength(512).WithMessage("Password must be 512 characters or fewer");
            RuleFor(command => command.NewPassword)
                .NotEmpty().WithMessage("Enter a new password")
                .MaximumLength(512).WithMessage("Password must be 512 characters or fewer");
        }
    }

    internal sealed class Handler(UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn, CurrentUser user) : ICommandHandler<Command, Unit>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var account = await users.GetUserAsync(user.Principal) ?? throw new ForbiddenException("Sign in to change your password.");
            var result = await users.ChangePasswordAsync(account, command.CurrentPassword, command.NewPassword);
            if (!result.Succeeded)
            {
                throw new ValidationException(result.Errors.Select(error => new FluentValidation.Results.ValidationFailure(
                    error.Code == "PasswordMismatch" ? nameof(Command.CurrentPassword) : nameof(Command.NewPassword),
                    error.Code == "PasswordMismatch" ? "Your current password is not right" : error.Description.TrimEnd('.'))));
            }

            await signIn.RefreshSignInAsync(account);
            return Unit.Value;
        }
    }
}
