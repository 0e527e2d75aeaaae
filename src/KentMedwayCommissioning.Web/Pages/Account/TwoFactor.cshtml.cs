using System.Globalization;
using System.Text;
using FluentValidation;
using KentMedwayCommissioning.Web.Data;
using KentMedwayCommissioning.Web.Domain;
using KentMedwayCommissioning.Web.Domain.Audit;
using KentMedwayCommissioning.Web.Domain.Meetings;
using KentMedwayCommissioning.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QRCoder;

namespace KentMedwayCommissioning.Web.Pages.Account;

/// <summary>
/// Setting up two-factor authentication with an authenticator app (TOTP, RFC 6238), and the recovery codes that
/// stand in for the app. Where two-factor authentication is required, signed-in members, secretaries and
/// administrators are sent here until it is set up (see <see cref="TwoFactorEnrolment"/>).
/// </summary>
public sealed class TwoFactorModel(ISender sender) : PageModel
{
    [BindProperty]
    public EnableCommand Input { get; set; } = new(string.Empty);

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public Setup State { get; private set; } = null!;

    /// <summary>Shown once, straight after they are made; only their hashes are kept.</summary>
    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        State = await sender.Send(new SetupQuery(), cancellationToken);
        if (State.FormattedKey.Length == 0)
        {
            await sender.Send(new CreateKeyCommand(), cancellationToken);
            State = await sender.Send(new SetupQuery(), cancellationToken);
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var (enabled, codes) = await sender.TrySendAsync(Input, ModelState, nameof(Input), cancellationToken);
        State = await sender.Send(new SetupQuery(), cancellationToken);
        if (enabled)
        {
            RecoveryCodes = codes!;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostNewRecoveryCodesAsync(CancellationToken cancellationToken)
    {
        var (made, codes) = await sender.TrySendAsync(new NewRecoveryCodesCommand(), ModelState, nameof(Input), cancellationToken);
        State = await sender.Send(new SetupQuery(), cancellationToken);
        if (made)
        {
            RecoveryCodes = codes!;
        }

        return Page();
    }

    public sealed record Setup(bool IsEnabled, bool IsRequired, string FormattedKey, string QrCodeDataUri, int RecoveryCodesLeft);

    public sealed record SetupQuery : IQuery<Setup>;

    /// <summary>Makes the account's authenticator key, the first time someone comes to set up.</summary>
    public sealed record CreateKeyCommand : ICommand;

    public sealed record EnableCommand([property: AuditRedacted] string Code) : ICommand<IReadOnlyList<string>>;

    public sealed record NewRecoveryCodesCommand : ICommand<IReadOnlyList<string>>;

    public sealed class Validator : AbstractValidator<EnableCommand>
    {
        public Validator()
        {
            RuleFor(command => command.Code)
                .NotEmpty().WithMessage("Enter the 6-digit code from your authenticator app")
                .MaximumLength(16).WithMessage("Enter the 6-digit code from your authenticator app");
        }
    }

    internal sealed class SetupHandler(UserManager<ApplicationUser> users, CurrentUser user, TwoFactorEnrolment enrolment) : IQueryHandler<SetupQuery, Setup>
    {
        public async ValueTask<Setup> Handle(SetupQuery query, CancellationToken cancellationToken)
        {
            var account = await users.GetUserAsync(user.Principal) ?? throw new ForbiddenException("Sign in to set up two-factor authentication.");
            var key = await users.GetAuthenticatorKeyAsync(account);
            if (string.IsNullOrEmpty(key))
            {
                return new Setup(false, enrolment.IsRequiredFor(user.Principal), "", "", 0);
            }

            var uri = $"otpauth://totp/{Uri.EscapeDataString("Kent and Medway Commissioning")}:{Uri.EscapeDataString(account.Email!)}?secret={key}&issuer={Uri.EscapeDataString("Kent and Medway Commissioning")}&digits=6";
            using var qr = QRCodeGenerator.GenerateQrCode(uri, QRCodeGenerator.ECCLevel.M);
            var png = new PngByteQRCode(qr).GetGraphic(4);
            return new Setup(
                await users.GetTwoFactorEnabledAsync(account),
                enrolment.IsRequiredFor(user.Principal),
                Formatted(key),
                $"data:image/png;base64,{Convert.ToBase64String(png)}",
                await users.CountRecoveryCodesAsync(account));
        }

        /// <summary>In groups of four, lower case, as authenticator apps ask for it to be typed.</summary>
        private static string Formatted(string key)
        {
            var formatted = new StringBuilder();
            for (var start = 0; start < key.Length; start += 4)
            {
                formatted.Append(key.AsSpan(start, Math.Min(4, key.Length - start))).Append(' ');
            }

            return formatted.ToString().TrimEnd().ToLower(CultureInfo.InvariantCulture);
        }
    }

    internal sealed class CreateKeyHandler(UserManager<ApplicationUser> users, CurrentUser user) : ICommandHandler<CreateKeyCommand, Unit>
    {
        public async ValueTask<Unit> Handle(CreateKeyCommand command, CancellationToken cancellationToken)
        {
            var account = await users.GetUserAsync(user.Principal) ?? throw new ForbiddenException("Sign in to set up two-factor authentication.");
            if (string.IsNullOrEmpty(await users.GetAuthenticatorKeyAsync(account)))
            {
                await users.ResetAuthenticatorKeyAsync(account);
            }

            return Unit.Value;
        }
    }

    internal sealed class EnableHandler(UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn, CurrentUser user)
        : ICommandHandler<EnableCommand, IReadOnlyList<string>>
    {
        public async ValueTask<IReadOnlyList<string>> Handle(EnableCommand command, CancellationToken cancellationToken)
        {
            var account = await users.GetUserAsync(user.Principal) ?? throw new ForbiddenException("Sign in to set up two-factor authentication.");
            var code = command.Code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
            if (!await users.VerifyTwoFactorTokenAsync(account, users.Options.Tokens.AuthenticatorTokenProvider, code))
            {
                throw new ValidationException([new FluentValidation.Results.ValidationFailure(nameof(EnableCommand.Code), "The code is not right. Enter the code your app shows now; it changes every 30 seconds")]);
            }

            await users.SetTwoFactorEnabledAsync(account, true);
            var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(account, 10))!.ToList();
            // Enabling changes the security stamp; sign in again so this session carries on, now with two factors.
            await signIn.RefreshSignInAsync(account);
            return codes;
        }
    }

    internal sealed class NewRecoveryCodesHandler(UserManager<ApplicationUser> users, CurrentUser user)
        : ICommandHandler<NewRecoveryCodesCommand, IReadOnlyList<string>>
    {
        public async ValueTask<IReadOnlyList<string>> Handle(NewRecoveryCodesCommand command, CancellationToken cancellationToken)
        {
            var account = await users.GetUserAsync(user.Principal) ?? throw new ForbiddenException("Sign in to manage two-factor authentication.");
            if (!await users.GetTwoFactorEnabledAsync(account))
            {
                throw new GovernanceException("Set up two-factor authentication first.");
            }

            return (await users.GenerateNewTwoFactorRecoveryCodesAsync(account, 10))!.ToList();
        }
    }
}
