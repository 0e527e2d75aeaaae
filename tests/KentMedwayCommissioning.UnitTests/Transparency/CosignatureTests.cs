using KentMedwayCommissioning.Transparency;

namespace KentMedwayCommissioning.UnitTests.Transparency;

public sealed class CosignatureTests
{
    private static readonly DateTimeOffset CheckedAt = new(2026, 11, 29, 6, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_witness_cosigns_a_checkpoint_and_the_log_s_own_signature_still_opens_it()
    {
        using var log = NoteSigner.Parse(NoteSigner.Generate("decisions.example.nhs.uk/register"));
        var witnessKey = Cosignature.GenerateKey("witness.example-newspaper.co.uk");
        var checkpoint = new Checkpoint(log.Name, 12, MerkleTree.LeafHash([12])).SignWith(log);

        var cosigned = Cosignature.Add(checkpoint, witnessKey, CheckedAt);

        Assert.Equal(CheckedAt, Cosignature.Verify(cosigned, Cosignature.PublicKeyOf(witnessKey)));
        Assert.Equal(12, Checkpoint.Open(cosigned, log.Verifier).Size);
        Assert.Equal(Cosignature.PublicKeyOf(witnessKey).Encoded, WitnessKey.Parse(Cosignature.PublicKeyOf(witnessKey).Encoded).Encoded);
    }

    [Fact]
    public void A_checkpoint_changed_after_cosigning_or_cosigned_by_another_witness_is_refused()
    {
        using var log = NoteSigner.Parse(NoteSigner.Generate("decisions.example.nhs.uk/register"));
        var witnessKey = Cosignature.GenerateKey("witness.example-newspaper.co.uk");
        var impostorKey = Cosignature.GenerateKey("witness.example-newspaper.co.uk");
        var cosigned = Cosignature.Add(new Checkpoint(log.Name, 12, MerkleTree.LeafHash([12])).SignWith(log), witnessKey, CheckedAt);

        Assert.Throws<NoteException>(() => Cosignature.Verify(cosigned.Replace("\n12\n", "\n13\n", StringComparison.Ordinal), Cosignature.PublicKeyOf(witnessKey)));
        Assert.Throws<NoteException>(() => Cosignature.Verify(cosigned, Cosignature.PublicKeyOf(impostorKey)));
        Assert.Throws<FormatException>(() => WitnessKey.Parse(log.Verifier.Encoded));
    }
}
