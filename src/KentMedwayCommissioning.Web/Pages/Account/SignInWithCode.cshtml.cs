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

/// <summary>
/// The second step of signing in for an account with two-factor authentication: the six-digit code from the
/// authenticator app, or one of the recovery codes given at enrolment. Wrong codes count towards lockout.
/// </summary>
[AllowAnonymous]
public sealed class SignInWithCodeModel(ISender sender, SignInManager<ApplicationUser> signIn) : PageModel
{
    /// <summary>The code from the authenticator app.</summary>
    [BindProperty]
    public CodeForm Input { get; set; } = new();

    /// <summary>A recovery code, for someone without their authenticator app.</summary>
    [BindProperty]
    public CodeForm Recovery { get; set; } = new();

    public sealed class CodeForm
    {
        public string? Code { get; set; }
    }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>False when nobody has given a password in this browser in the last few minutes: there is no code to ask for.</summary>
    public bool HasPendingSignIn { get; private set; } = true;

    public async Task OnGetAsync() =>
        HasPendingSignIn = await signIn.GetTwoFactorAuthenticationUserAsync() is not null;

    public Task<IActionResult> OnPostAsync(CancellationToken cancellationToken) =>
        SignInAsync(new Command(Input.Code ?? "", IsRecoveryCode: false), nameof(Input), cancellationToken);

    public Task<IActionResult> OnPostRecoveryAsync(CancellationToken cancellationToken) =>
        SignInAsync(new Command(Recovery.Code ?? "", IsRecoveryCode: true), nameof(Recovery), cancellationToken);

    private async Task<IActionResult> SignInAsync(Command command, string form, CancellationToken cancellationToken)
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
        {
            return PasswordStepExpired();
        }

        var (validated, outcome) = await sender.TrySendAsync(command, ModelState, form, cancellationToken);
        if (!validated)
        {
            return Page();
        }

        switch (outcome)
        {
            case SignInModel.Outcome.SignedIn:
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/dashboard");
            case SignInModel.Outcome.LockedOut:
                ModelState.AddModelError(string.Empty, "This account is locked after too many failed attempts. Try again in 15 minutes.");
                return Page();
            case SignInModel.Outcome.NeedsCode:
                return PasswordStepExpired();
            default:
                ModelState.AddModelError($"{form}.{nameof(Command.Code)}", command.IsRecoveryCode ? "Enter a recovery code you have not used before" : "Enter the current 6-digit code from your authenticator app");
                return Page();
        }
    }

    /// <summary>The password step has expired (or never happened): start again.</summary>
    private RedirectToPageResult PasswordStepExpired()
    {
        TempData["Confirmation"] = "Your sign-in took too long. Enter your email address and password again.";
        return RedirectToPage("/Account/SignIn", new { ReturnUrl });
    }

    public sealed record Command([property: AuditRedacted] string Code, bool IsRecoveryCode) : ICommand<SignInModel.Outcome>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(command => command.Code)
                .NotEmpty().WithMessage(command => command.IsRecoveryCode ? "Enter a recovery code" : "Enter the 6-digit code from your authenticator app")
                .MaximumLength(64).WithMessage("The code must be 64 characters or fewer");
        }
    }

    internal sealed class Handler(SignInManager<ApplicationUser> signIn) : ICommandHandler<Command, SignInModel.Outcome>
    {
        public async ValueTask<SignInModel.Outcome> Handle(Command command, CancellationToken cancellationToken)
        {
            if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
            {
                return SignInModel.Outcome.NeedsCode;
            }

            // People type codes with spaces, as their apps show them; a recovery code keeps its dash.
            var code = command.Code.Replace(" ", "", StringComparison.Ordinal);
            var result = command.IsRecoveryCode
                ? await signIn.TwoFactorRecoveryCodeSignInAsync(code)
                : await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
            return result switch
            {
                { Succeeded: true } => SignInModel.Outcome.SignedIn,
                { IsLockedOut: true } => SignInModel.Outcome.LockedOut,
                _ => SignInModel.Outcome.Failed,
            };
        }
    }
}
