using System.Security.Claims;
using KentMedwayCommissioning.Web.Data;
using KentMedwayCommissioning.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KentMedwayCommissioning.Web.Pages.Admin;

/// <summary>Every account, with its roles, the bodies it is secretary of, and whether it signs in with two factors.</summary>
[Authorize(Roles = Roles.Administrator)]
public sealed class AccountsModel(ISender sender) : PageModel
{
    public IReadOnlyList<Row> Accounts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Accounts = await sender.Send(new Query(), cancellationToken);

    public sealed record Query : IQuery<IReadOnlyList<Row>>;

    public sealed record Row(string Id, string Email, string DisplayName, IReadOnlyList<string> Roles, IReadOnlyList<string> SecretaryOf, bool HasPassword, bool TwoFactor, bool LockedOut);

    internal sealed class Handler(AppDbContext db, TimeProvider clock) : IQueryHandler<Query, IReadOnlyList<Row>>
    {
        public async ValueTask<IReadOnlyList<Row>> Handle(Query query, CancellationToken cancellationToken)
        {
            var users = await db.Users.AsNoTracking().OrderBy(user => user.Email).ToListAsync(cancellationToken);
            var roles = await (from userRole in db.UserRoles
                               join role in db.Roles on userRole.RoleId equals role.Id
                               select new { userRole.UserId, role.Name }).ToListAsync(cancellationToken);
            var bodies = await db.Bodies.AsNoTracking().ToDictionaryAsync(body => SecretaryClaim.For(body.Id).Value, body => body.Name, cancellationToken);
            var secretaryOf = (await db.UserClaims.AsNoTracking().Where(claim => claim.ClaimType == CurrentUser.SecretaryOfClaim).ToListAsync(cancellationToken))
                .Where(claim => claim.ClaimValue is not null && bodies.ContainsKey(claim.ClaimValue))
                .Select(claim => new { claim.UserId, Name = bodies[claim.ClaimValue!] })
                .ToList();
            var now = clock.GetUtcNow();
            return users.Select(user => new Row(
                    user.Id, user.Email ?? user.UserName ?? user.Id, user.DisplayName,
                    roles.Where(role => role.UserId == user.Id).Select(role => role.Name!).Order().ToList(),
                    secretaryOf.Where(body => body.UserId == user.Id).Select(body => body.Name).Order().ToList(),
                    user.PasswordHash != null,
                    user.TwoFactorEnabled,
                    user.LockoutEnd > now))
                .ToList();
        }
    }
}

/// <summary>The claim that makes an account a body's secretary, in one place for the admin pages.</summary>
internal static class SecretaryClaim
{
    public static Claim For(int bodyId) => new(CurrentUser.SecretaryOfClaim, bodyId.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
