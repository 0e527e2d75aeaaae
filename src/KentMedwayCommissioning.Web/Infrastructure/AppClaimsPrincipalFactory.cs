using System.Globalization;
using System.Security.Claims;
using KentMedwayCommissioning.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace KentMedwayCommissioning.Web.Infrastructure;

/// <summary>Puts the user's display name and linked person into the sign-in cookie, so pages need no lookup to show them.</summary>
public sealed class AppClaimsPrincipalFactory(
    UserManager<ApplicationUser> users,
    RoleManager<IdentityRole> roles,
    IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<ApplicationUser, IdentityRole>(users, roles, options)
{
    public const string DisplayName = "display_name";
    public const string PersonId = "person_id";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(DisplayName, user.DisplayName));
        if (user.TwoFactorEnabled)
        {
            identity.AddClaim(new Claim(TwoFactorEnrolment.EnabledClaim, "true"));
        }

        if (user.PersonId is { } personId)
        {
            identity.AddClaim(new Claim(PersonId, personId.ToString(CultureInfo.InvariantCulture)));
        }

        return identity;
    }
}
