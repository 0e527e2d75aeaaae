using KentMedwayCommissioning.Web.Data;
using KentMedwayCommissioning.Web.Domain.Accounts;
using Microsoft.EntityFrameworkCore;

namespace KentMedwayCommissioning.Web.Infrastructure;

/// <summary>Issues one-time account links (see <see cref="AccountLink"/>) and writes their addresses.</summary>
public static class AccountLinks
{
    /// <summary>
    /// A fresh link for the account; its earlier links for the same purpose stop working. Other purposes are left alone,
    /// so someone asking to reset a password cannot kill an invitation.
    /// </summary>
    public static async Task<string> IssueAsync(AppDbContext db, string userId, AccountLinkPurpose purpose, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var earlier = await db.AccountLinks.Where(link => link.UserId == userId && link.Purpose == purpose && link.UsedAt == null && link.ReplacedAt == null && link.RevokedAt == null).ToListAsync(cancellationToken);
        earlier.ForEach(link => link.ReplaceAt(now));
        var (fresh, token) = AccountLink.Issue(userId, purpose, now);
        db.AccountLinks.Add(fresh);
        await db.SaveChangesAsync(cancellationToken);
        return token;
    }

    /// <summary>The address at which the link's holder sets a password, on the site's configured public address.</summary>
    public static string AddressOf(IConfiguration configuration, string token) =>
        $"{PublicAddress.BaseUrl(configuration)}/account/set-password?token={token}";
}
