using FluentValidation;
using KentMedwayCommissioning.Web.Data;
using KentMedwayCommissioning.Web.Domain.Audit;
using KentMedwayCommissioning.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KentMedwayCommissioning.Web.Pages.Account;

[AllowAnonymous]
public sealed class SignInModel(ISender sender) : PageModel
{
    [BindProperty]
    public Command Input { get; set; } = new(string.Empty, string.Empty);

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var (validated, outcome) = await sender.TrySendAsync(Input, ModelState, nameof(Input), cancellationToken);
        if (!validated)
        {
            return Page();
        }

        switch (outcome)
        {
            case Outcome.SignedIn:
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/dashboard");
            case Outcome.NeedsCode:
                return RedirectToPage("/Account/SignInWithCode", new { ReturnUrl = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : null });
            case Outcome.LockedOut:
                ModelState.AddModelError(string.Empty, "This account is locked after too many failed attempts. Try again in 15 minutes.");
                return Page();
            default:
                // One message for a wrong email or a wrong password, so the form does not reveal which accounts exist.
                ModelState.AddModelError($"{nameof(Input)}.{nameof(Command.Email)}", "Enter a correct email address and password.");
                return Page();
        }
    }

    public sealed record Command(string Email, [property: AuditRedacted] string Password) : ICommand<Outcome>;

    public enum Outcome
    {
        SignedIn,
        /// <summary>The password was right and the account uses two-factor authentication: the code comes next.</summary>
        NeedsCode,
        Failed,
        LockedOut,
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(command => command.Email)
                .NotEmpty().WithMessage("Enter your email address")
                .MaximumLength(256).WithMessage("Email address must be 256 characters or fewer")
                .EmailAddress().WithMessage("Enter an email address in the correct format, like name@example.com");
            RuleFor(command => command.Password)
                .NotEmpty().WithMessage("Enter your password")
                .MaximumLength(512).WithMessage("Password must be 512 characters or fewer");
        }
    }

    internal sealed class Handler(SignInManager<ApplicationUser> signIn) : ICommandHandler<Command, Outcome>
    {
        public async ValueTask<Outcome> Handle(Command command, CancellationToken cancellationToken)
        {
            var result = await signIn.PasswordSignInAsync(command.Email.Trim(), command.Password, isPersistent: false, lockoutOnFailure: true);
            return result switch
            {
                { Succeeded: true } => Outcome.SignedIn,
                { RequiresTwoFactor: true } => Outcome.NeedsCode,
                { IsLockedOut: true } => Outcome.LockedOut,
                _ => Outcome.Failed,
            };
        }
    }
}
