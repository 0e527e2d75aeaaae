using System.Globalization;

namespace KentMedwayCommissioning.Transparency;

/// <summary>
/// A C2SP tlog-checkpoint: the log's origin line, its size in decimal and its root hash in base64, one per line; signed
/// as a signed note by the log's key.
/// </summary>
public sealed record Checkpoint(string Origin, long Size, byte[] Root)
{
    public string Text => $"{Origin}\n{Size.ToString(CultureInfo.InvariantCulture)}\n{Convert.ToBase64String(Root)}\n";

    public string SignWith(NoteSigner signer) => SignedNote.Sign(Text, signer);

    /// <summary>Checks the note's signature with the log's key and reads the checkpoint it carries.</summary>
    public static Checkpoint Open(string note, NoteVerifier verifier)
    {
        var lines = SignedNote.Open(note, verifier).Split('\n');
        // Three lines and the empty string after the final newline; extension lines may follow the root.
        if (lines.Length < 4)
        {
            throw new NoteException("A checkpoint has an origin, a size and a root hash.");
        }

        if (lines[0] != verifier.Name)
        {
            throw new NoteException($"The checkpoint's origin \"{lines[0]}\" is not the log the key belongs to ({verifier.Name}).");
        }

        if (!long.TryParse(lines[1], NumberStyles.None, CultureInfo.InvariantCulture, out var size) || (lines[1].Length > 1 && lines[1][0] == '0'))
        {
            throw new NoteException($"The checkpoint's size \"{lines[1]}\" is not a whole number.");
        }

        byte[] root;
        try
        {
            root = Convert.FromBase64String(lines[2]);
        }
        catch (FormatException)
        {
            throw new NoteException("The checkpoint's root hash is not valid base64.");
        }

        if (root.Length != MerkleTree.HashSize)
        {
            throw new NoteException("The checkpoint's root hash is not 32 bytes.");
        }

        return new Checkpoint(lines[0], size, root);
    }
}
