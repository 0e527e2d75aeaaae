using System.Globalization;
using System.Security.Claims;
using KentMedwayCommissioning.Web.Domain;
using KentMedwayCommissioning.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;

namespace KentMedwayCommissioning.Web.Data.DemoData;

/// <summary>The demo's sign-in accounts (<see cref="DemoAccounts"/>), each linked to its person and the secretary to <see cref="DemoAccounts.Body"/>.</summary>
internal static class DemoAccountSetup
{
    public static async Task LoadAsync(UserManager<ApplicationUser> users, RoleManager<IdentityRole> roles, Dictionary<string, Person> people, Dictionary<string, Body> bodies)
    {
        await Roles.EnsureAllAsync(roles);

        foreach (var account in DemoAccounts.All)
        {
            if (await users.FindByEmailAsync(account.Email) is not null)
            {
                continue;
            }

            var user = new ApplicationUser
            {
                UserName = account.Email,
                Email = account.Email,
                EmailConfirmed = true,
                DisplayName = account.DisplayName,
                PersonId = account.PersonName is null ? null : people[account.PersonName].Id,
            };
            Check(await users.CreateAsync(user, DemoAccounts.Password), $"create {account.Email}");
            Check(await users.AddToRoleAsync(user, account.Role), $"give {account.Email} the role {account.Role}");
            if (account.Role == Roles.BoardSecretary)
            {
                var body = bodies[DemoAccounts.Body].Id.ToString(CultureInfo.InvariantCulture);
                Check(await users.AddClaimAsync(user, new Claim(CurrentUser.SecretaryOfClaim, body)), $"make {account.Email} secretary of {DemoAccounts.Body}");
            }
        }
    }

    private static void Check(IdentityResult result, string action)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not {action}: {string.Join("; ", result.Errors.Select(error => error.Description))}");
        }
    }
}
