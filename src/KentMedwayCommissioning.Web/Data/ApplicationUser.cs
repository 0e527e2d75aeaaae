using KentMedwayCommissioning.Web.Domain;
using Microsoft.AspNetCore.Identity;

namespace KentMedwayCommissioning.Web.Data;

/// <summary>A sign-in account; a member's account is linked to the <see cref="Domain.Person"/> who sits on governing bodies.</summary>
public sealed class ApplicationUser : IdentityUser
{
    public required string DisplayName { get; set; }
    public int? PersonId { get; set; }
    public Person? Person { get; set; }
}

/// <summary>The roles a user can hold; body-scoped permissions build on these.</summary>
public static class Roles
{
    public const string Administrator = nameof(Administrator);
    public const string BoardSecretary = nameof(BoardSecretary);
    public const string ProgrammeOffice = nameof(ProgrammeOffice);
    public const string Member = nameof(Member);

    public static IReadOnlyList<string> All { get; } = [Administrator, BoardSecretary, ProgrammeOffice, Member];

    /// <summary>Creates any role that is missing: an empty database needs them before the first account is given one.</summary>
    public static async Task EnsureAllAsync(RoleManager<IdentityRole> roles)
    {
        foreach (var role in All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                var created = await roles.CreateAsync(new IdentityRole(role));
                if (!created.Succeeded)
                {
                    throw new InvalidOperationException($"Could not create the role {role}: {string.Join("; ", created.Errors.Select(error => error.Description))}");
                }
            }
        }
    }
}
