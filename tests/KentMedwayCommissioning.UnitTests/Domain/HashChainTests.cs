using KentMedwayCommissioning.Web.Domain.Register;

namespace KentMedwayCommissioning.UnitTests.Domain;

public sealed class HashChainTests
{
    private static readonly DateTimeOffset Published = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    private static PublishedDecision Entry(long sequence, string previous, string explanation = "Agreed.") =>
        new(sequence, "West Kent CCG", "west-kent-ccg", (int)sequence, "Governing body", "January or February 2018", "Proposal", "That we agree.",
            "Carried", explanation, 2, 1, 0, [new PublishedVote("A Member", "For"), new PublishedVote("The Chair", "For", IsCastingVote: true)],
            [new PublishedDeclaration("B Member", "Partner in a provider", "Withdrew from the discussion and the vote")], Published, null, previous);

    private static List<PublishedDecision> Chain(int length)
    {
        var chain = new List<PublishedDecision>();
        var previous = PublishedDecision.GenesisHash;
        for (var sequence = 1; sequence <= length; sequence++)
        {
            var entry = Entry(sequence, previous);
            chain.Add(entry);
            previous = entry.Hash;
        }

        return chain;
    }

    [Theory]
    [InlineData("2018-02-05T14:00:00Z", "Monday 5 February 2018 at 2:00pm")]
    [InlineData("2019-07-01T09:30:00Z", "Monday 1 July 2019 at 10:30am")]  // BST
    public void A_meeting_s_published_date_is_fixed_in_the_domain_in_Kent_time(string startsAt, string published) =>
        Assert.Equal(published, PublishedDecision.MeetingDateOf(DateTimeOffset.Parse(startsAt, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void A_person_s_id_is_stored_with_their_vote_and_declaration_but_not_hashed()
    {
        var named = Entry(1, PublishedDecision.GenesisHash);
        var withIds = new PublishedDecision(1, "West Kent CCG", "west-kent-ccg", 1, "Governing body", "January or February 2018", "Proposal", "That we agree.",
            "Carried", "Agreed.", 2, 1, 0, [new PublishedVote("A Member", "For", PersonId: 7), new PublishedVote("The Chair", "For", IsCastingVote: true, PersonId: 8)],
            [new PublishedDeclaration("B Member", "Partner in a provider", "Withdrew from the discussion and the vote", PersonId: 9)], Published, null, PublishedDecision.GenesisHash);

        Assert.Equal(named.Canonical(), withIds.Canonical());
        Assert.Equal(named.Hash, withIds.Hash);
    }

    [Fact]
    public void The_canonical_form_is_compact_json_of_every_published_field_in_the_documented_order()
    {
        var entry = Entry(1, PublishedDecision.GenesisHash);

        Assert.Equal(
            """{"sequence":1,"body":"West Kent CCG","body_slug":"west-kent-ccg","meeting":"Governing body","meeting_date":"January or February 2018","item":"Proposal","question":"That we agree.","outcome":"Carried","explanation":"Agreed.","votes_for":2,"votes_against":1,"abstentions":0,"votes":[{"member":"A Member","vote":"For","casting":false},{"member":"The Chair","vote":"For","casting":true}],"declarations":[{"member":"B Member","interest":"Partner in a provider","management":"Withdrew from the discussion and the vote"}],"published_at":"2026-11-23T10:00:00Z","corrects":null}""",
            entry.Canonical());
        Assert.Equal(System.Text.Json.JsonDocument.Parse(entry.Canonical()).RootElement.EnumerateObject().Select(field => field.Name), entry.CanonicalFields);
    }

    [Fact]
    public void An_entry_published_before_the_full_field_form_keeps_the_form_it_was_hashed_with()
    {
        var entry = new PublishedDecision(1, "West Kent CCG", "west-kent-ccg", 1, "Governing body", "January or February 2018", "Proposal", "That we agree.",
            "Carried", "Agreed.", 2, 1, 0, [new PublishedVote("A Member", "For"), new PublishedVote("The Chair", "For", IsCastingVote: true)],
            [new PublishedDeclaration("B Member", "Partner in a provider", "Withdrew from the discussion and the vote")], Published, null, PublishedDecision.GenesisHash, canonicalVersion: 1);
        var canonical = entry.Canonical();

        Assert.DoesNotContain("body_slug", entry.CanonicalFields);
        Assert.Equal(
            """{"sequence":1,"body":"West Kent CCG","meeting":"Governing body","meeting_date":"January or February 2018","item":"Proposal","question":"That we agree.","outcome":"Carried","explanation":"Agreed.","votes_for":2,"votes_against":1,"abstentions":0,"votes":[{"member":"A Member","vote":"For","casting":false},{"member":"The Chair","vote":"For","casting":true}],"declarations":[{"member":"B Member","interest":"Partner in a provider","management":"Withdrew from the discussion and the vote"}],"published_at":"2026-11-23T10:00:00Z","corrects":null}""",
            canonical);
        Assert.True(ChainVerification.Check([entry]).IsIntact);
    }

    [Fact]
    public void Each_hash_is_sha256_of_the_previous_hash_a_newline_and_the_canonical_form()
    {
        var entry = Entry(1, PublishedDecision.GenesisHash);

        var expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(PublishedDecision.GenesisHash + "\n" + entry.Canonical())));

        Assert.Equal(expected, entry.Hash);
    }

    [Fact]
    public void An_intact_chain_verifies_to_its_head()
    {
        var chain = Chain(5);

        var result = ChainVerification.Check(chain);

        Assert.True(result.IsIntact);
        Assert.Equal((5, chain[^1].Hash), (result.Entries, result.HeadHash));
    }

    [Fact]
    public void An_entry_changed_after_publishing_is_named()
    {
        var chain = Chain(5);
        var tampered = Entry(3, chain[1].Hash, explanation: "Agreed unanimously.");
        var altered = chain.Select(entry => entry.Sequence == 3 ? new TamperedCopy(tampered, chain[2].Hash).Decision : entry).ToList();

        var result = ChainVerification.Check(altered);

        Assert.Equal(3, result.FirstFailingSequence);
    }

    [Fact]
    public void A_removed_entry_breaks_the_chain_at_the_next_one()
    {
        var chain = Chain(5);
        chain.RemoveAt(1);

        Assert.Equal(3, ChainVerification.Check(chain).FirstFailingSequence);
    }

    /// <summary>An entry whose content changed but whose stored hash is the original's, as a direct SQL edit would leave it.</summary>
    private sealed class TamperedCopy(PublishedDecision changed, string originalHash)
    {
        public PublishedDecision Decision { get; } = WithHash(changed, originalHash);

        private static PublishedDecision WithHash(PublishedDecision decision, string hash)
        {
            typeof(PublishedDecision).GetProperty(nameof(PublishedDecision.Hash))!.SetValue(decision, hash);
            return decision;
        }
    }
}
