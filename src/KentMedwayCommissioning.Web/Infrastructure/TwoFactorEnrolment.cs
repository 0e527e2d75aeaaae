using System.Security.Claims;
using KentMedwayCommissioning.Web.Data;

namespace KentMedwayCommissioning.Web.Infrastructure;

/// <summary>
/// Where "Authentication:RequireTwoFactor" is on (the default; Development turns it off so the demo accounts sign in
/// with a password alone), anyone who votes or runs meetings must sign in with two factors. Until they have set it
/// up, every page but the account pages sends them to set it up.
/// </summary>
public sealed class TwoFactorEnrolment(IConfiguration configuration)
{
    public const string EnabledClaim = "two_factor";

    private static readonly string[] RolesThatMust = [Roles.Member, Roles.BoardSecretary, Roles.Administrator];

    private readonly bool _required = configuration.GetValue("Authentication:RequireTwoFactor", defaultValue: true);

    public bool IsRequiredFor(ClaimsPrincipal principal) =>
        _required && RolesThatMust.Any(principal.IsInRole);

    public bool MustEnrol(ClaimsPrincipal principal) =>
        principal.Identity?.IsAuthenticated == true && IsRequiredFor(principal) && !principal.HasClaim(EnabledClaim, "true");
}

public static class TwoFactorEnrolmentMiddleware
{
    public static IApplicationBuilder UseTwoFactorEnrolment(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            var enrolment = context.RequestServices.GetRequiredService<TwoFactorEnrolment>();
            var path = context.Request.Path;
            if (!enrolment.MustEnrol(context.User)
                || path.StartsWithSegments("/account")
                || path.StartsWithSegments("/error")
                || path.StartsWithSegments("/health"))
            {
                return next(context);
            }

            if (path.StartsWithSegments("/api"))
            {
                return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Two-factor authentication is not set up.", detail: "Set it up at /account/two-factor.")
                    .ExecuteAsync(context);
            }

            var returnUrl = Uri.EscapeDataString(path + context.Request.QueryString);
            context.Response.Redirect($"/account/two-factor?returnUrl={returnUrl}");
            return Task.CompletedTask;
        });
}
