using System.Security.Cryptography;
using System.Text;
using KentMedwayCommissioning.Web.Domain.Audit;

namespace KentMedwayCommissioning.Web.Domain.Accounts;

/// <summary>What a one-time account link lets its holder do.</summary>
public enum AccountLinkPurpose
{
    /// <summary>The first administrator, made on the command line, chooses a password.</summary>
    SetPassword,

    /// <summary>Someone an administrator invited accepts: they choose a password for the account made for them.</summary>
    Invitation,

    /// <summary>Someone who forgot their password chooses a new one.</summary>
    PasswordReset,
}

/// <summary>Whether a link can still be used, and if not, why not: the page says which.</summary>
public enum AccountLinkState
{
    /// <summary>No link has this token: it was mistyped, cut short or tampered with.</summary>
    Unknown,
    Usable,
    Used,
    Expired,
    Replaced,
    Revoked,
}

/// <summary>
/// A one-time link at which a person sets their password. Only a SHA-256 hash of its token is stored, so a copy of the
/// database cannot be used to take over an account; the token itself is shown once, when the link is issued. A link
/// lasts 24 hours, works once, and dies when a fresh one is issued for the same account.
/// </summary>
public sealed class AccountLink
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    private AccountLink(string userId, AccountLinkPurpose purpose, string tokenHash, DateTimeOffset issuedAt)
    {
        UserId = userId;
        Purpose = purpose;
        TokenHash = tokenHash;
        IssuedAt = issuedAt;
        ExpiresAt = issuedAt + Lifetime;
    }

    public int Id { get; private set; }
    public string UserId { get; private set; }
    public AccountLinkPurpose Purpose { get; private set; }
    [AuditRedacted]
    public string TokenHash { get; private set; }
    public DateTimeOffset IssuedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
    public DateTimeOffset? UsedAt { get; private set; }
    public DateTimeOffset? ReplacedAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }

    /// <summary>A new link and the token to put in it; the token is not kept anywhere else.</summary>
    public static (AccountLink Link, string Token) Issue(string userId, AccountLinkPurpose purpose, DateTimeOffset now)
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return (new AccountLink(userId, purpose, HashOf(token), now), token);
    }

    public static string HashOf(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public AccountLinkState StateAt(DateTimeOffset now) =>
        UsedAt is not null ? AccountLinkState.Used
        : RevokedAt is not null ? AccountLinkState.Revoked
        : ReplacedAt is not null ? AccountLinkState.Replaced
        : now >= ExpiresAt ? AccountLinkState.Expired
        : AccountLinkState.Usable;

    public void Use(DateTimeOffset now)
    {
        if (StateAt(now) != AccountLinkState.Usable)
        {
            throw new InvalidOperationException($"The link is {StateAt(now)} and cannot be used.");
        }

        UsedAt = now;
    }

    /// <summary>A fresh link for the same account ends this one, so only the newest link works.</summary>
    public void ReplaceAt(DateTimeOffset now)
    {
        if (UsedAt is null && ReplacedAt is null && RevokedAt is null)
        {
            ReplacedAt = now;
        }
    }

    /// <summary>An administrator withdraws an invitation before it is accepted.</summary>
    public void Revoke(DateTimeOffset now)
    {
        if (UsedAt is null && ReplacedAt is null && RevokedAt is null)
        {
            RevokedAt = now;
        }
    }
}
