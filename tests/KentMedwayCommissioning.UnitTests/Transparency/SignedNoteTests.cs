using KentMedwayCommissioning.Transparency;

namespace KentMedwayCommissioning.UnitTests.Transparency;

public sealed class SignedNoteTests
{
    // The example of golang.org/x/mod/sumdb/note, the reference implementation of C2SP signed-note.
    private const string GoSignerKey = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
    private const string GoVerifierKey = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
    private const string GoText = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
    private const string GoNote = GoText + "\n\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";

    [Fact]
    public void Signs_byte_for_byte_as_the_reference_implementation()
    {
        using var signer = NoteSigner.Parse(GoSignerKey);

        Assert.Equal(GoVerifierKey, signer.Verifier.Encoded);
        Assert.Equal(GoNote, SignedNote.Sign(GoText, signer));
        Assert.Equal(GoText, SignedNote.Open(GoNote, NoteVerifier.Parse(GoVerifierKey)));
    }

    [Fact]
    public void Opens_the_example_of_the_c2sp_specification() =>
        Assert.Equal(
            "This is an example message.\n",
            SignedNote.Open(
                "This is an example message.\n\n\u2014 example.com/foo Uw2QOkn8srV1yJGh2VYRlL1Tnagv1YEq6TfXppzi2ONncAlTgK7Ztg1ERYNZXsYjOBH3mFXmRKuwHjG1Yu72IneyaQM=\n",
                NoteVerifier.Parse("example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k")));

    [Fact]
    public void A_checkpoint_signed_with_another_key_or_changed_after_signing_is_refused()
    {
        using var signer = NoteSigner.Parse(NoteSigner.Generate("decisions.example.nhs.uk/register"));
        using var impostor = NoteSigner.Parse(NoteSigner.Generate("decisions.example.nhs.uk/register"));
        var note = new Checkpoint("decisions.example.nhs.uk/register", 42, MerkleTree.LeafHash([1])).SignWith(signer);

        var opened = Checkpoint.Open(note, signer.Verifier);
        Assert.Equal(42, opened.Size);
        Assert.Equal(MerkleTree.LeafHash([1]), opened.Root);
        Assert.Throws<NoteException>(() => Checkpoint.Open(note, impostor.Verifier));
        Assert.Throws<NoteException>(() => Checkpoint.Open(note.Replace("\n42\n", "\n43\n", StringComparison.Ordinal), signer.Verifier));
    }

    [Fact]
    public void A_key_whose_id_does_not_match_is_refused()
    {
        Assert.Throws<FormatException>(() => NoteVerifier.Parse("PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"));
        Assert.Throws<FormatException>(() => NoteVerifier.Parse("PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"));
        Assert.Throws<FormatException>(() => NoteSigner.Parse("PRIVATE+KEY+PeterNeumann+c74f20a4+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz"));
    }
}
