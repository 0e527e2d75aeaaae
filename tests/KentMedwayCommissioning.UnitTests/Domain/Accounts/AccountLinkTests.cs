using KentMedwayCommissioning.Web.Domain.Accounts;

namespace KentMedwayCommissioning.UnitTests.Domain.Accounts;

public sealed class AccountLinkTests
{
    private static readonly DateTimeOffset Issued = new(2026, 3, 29, 0, 30, 0, TimeSpan.Zero);

    [Fact]
    public void Only_the_hash_of_the_token_is_kept()
    {
        var (link, token) = AccountLink.Issue("user-1", AccountLinkPurpose.SetPassword, Issued);

        Assert.Equal(AccountLink.HashOf(token), link.TokenHash);
        Assert.DoesNotContain(token, link.TokenHash, StringComparison.Ordinal);
        Assert.Equal(64, link.TokenHash.Length);
    }

    [Fact]
    public void Each_link_gets_its_own_unguessable_token()
    {
        var tokens = Enumerable.Range(0, 100).Select(_ => AccountLink.Issue("user-1", AccountLinkPurpose.SetPassword, Issued).Token).ToHashSet();

        Assert.Equal(100, tokens.Count);
        // 32 random bytes, base64url without padding: safe in an address as it stands.
        Assert.All(tokens, token => Assert.Matches("^[A-Za-z0-9_-]{43}$", token));
    }

    [Fact]
    public void A_link_lasts_24_hours_to_the_second()
    {
        var (link, _) = AccountLink.Issue("user-1", AccountLinkPurpose.SetPassword, Issued);

        Assert.Equal(AccountLinkState.Usable, link.StateAt(Issued.AddHours(24).AddSeconds(-1)));
        Assert.Equal(AccountLinkState.Expired, link.StateAt(Issued.AddHours(24)));
    }

    [Fact]
    public void A_link_works_once()
    {
        var (link, _) = AccountLink.Issue("user-1", AccountLinkPurpose.SetPassword, Issued);

        link.Use(Issued.AddMinutes(5));

        Assert.Equal(AccountLinkState.Used, link.StateAt(Issued.AddMinutes(6)));
        Assert.Throws<InvalidOperationException>(() => link.Use(Issued.AddMinutes(6)));
    }

    [Fact]
    public void An_expired_or_replaced_link_cannot_be_used()
    {
        var (expired, _) = AccountLink.Issue("user-1", AccountLinkPurpose.SetPassword, Issued);
        var (replaced, _) = AccountLink.Issue("user-1", AccountLinkPurpose.SetPassword, Issued);
        replaced.ReplaceAt(Issued.AddMinutes(1));

        Assert.Throws<InvalidOperationException>(() => expired.Use(Issued.AddDays(2)));
        Assert.Equal(AccountLinkState.Replaced, replaced.StateAt(Issued.AddMinutes(2)));
        Assert.Throws<InvalidOperationException>(() => replaced.Use(Issued.AddMinutes(2)));
    }

    [Fact]
    public void A_used_link_stays_used_when_a_fresh_one_is_issued()
    {
        var (link, _) = AccountLink.Issue("user-1", AccountLinkPurpose.SetPassword, Issued);
        link.Use(Issued.AddMinutes(1));

        link.ReplaceAt(Issued.AddMinutes(2));

        Assert.Equal(AccountLinkState.Used, link.StateAt(Issued.AddMinutes(3)));
    }
}
