using System.Text.Json;
using KentMedwayCommissioning.Web.Data.Configurations;
using KentMedwayCommissioning.Web.Domain.Register;

namespace KentMedwayCommissioning.UnitTests.Data;

/// <summary>Votes and declarations read back as they were stored, whichever mapping stored them.</summary>
public sealed class PublishedJsonTests
{
    [Fact]
    public void Votes_and_declarations_read_back_as_they_were_written()
    {
        List<PublishedVote> votes = [new("A Member", "For", false, 7), new("The Chair", "Against", true, null)];
        List<PublishedDeclaration> declarations = [new("A Member", "Trustee of a bidder", "Withdrew from the discussion and the vote", 7)];

        var storedVotes = JsonSerializer.Serialize(votes, PublishedJson.Default.ListPublishedVote);
        var storedDeclarations = JsonSerializer.Serialize(declarations, PublishedJson.Default.ListPublishedDeclaration);

        Assert.Equal(votes, JsonSerializer.Deserialize(storedVotes, PublishedJson.Default.ListPublishedVote));
        Assert.Equal(declarations, JsonSerializer.Deserialize(storedDeclarations, PublishedJson.Default.ListPublishedDeclaration));
        Assert.Equal("""[{"Member":"A Member","Vote":"For","IsCastingVote":false,"PersonId":7},{"Member":"The Chair","Vote":"Against","IsCastingVote":true,"PersonId":null}]""", storedVotes);
    }

    [Fact]
    public void What_the_owned_json_mapping_stored_reads_whatever_the_order_of_its_keys_and_without_a_person_id()
    {
        // As jsonb gives the documents back: keys reordered; entries published before person ids have none.
        const string votes = """[{"Vote": "For", "Member": "A Member", "PersonId": 21, "IsCastingVote": false}, {"Vote": "Against", "Member": "An Older Member", "IsCastingVote": true}]""";
        const string declarations = """[{"Member": "A Member", "Interest": "Governor of a school", "Management": "Took part", "Extra": {"kept": [1, 2]}}]""";

        Assert.Equal(
            [new PublishedVote("A Member", "For", false, 21), new PublishedVote("An Older Member", "Against", true, null)],
            JsonSerializer.Deserialize(votes, PublishedJson.Default.ListPublishedVote));
        Assert.Equal(
            [new PublishedDeclaration("A Member", "Governor of a school", "Took part", null)],
            JsonSerializer.Deserialize(declarations, PublishedJson.Default.ListPublishedDeclaration));
    }

    [Theory]
    [InlineData("""[{"Vote": "For"}]""", "has no Member")]
    [InlineData("""[["A Member", "For"]]""", "Expected a stored object")]
    public void A_stored_vote_that_is_not_one_is_refused_with_what_is_wrong(string stored, string reason)
    {
        var refusal = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(stored, PublishedJson.Default.ListPublishedVote));

        Assert.Contains(reason, refusal.Message, StringComparison.Ordinal);
    }
}
