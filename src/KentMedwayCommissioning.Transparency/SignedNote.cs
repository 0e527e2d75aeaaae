using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using NSec.Cryptography;

namespace KentMedwayCommissioning.Transparency;

/// <summary>
/// Ed25519 keys in the encodings of the C2SP signed-note specification (the same as Go's golang.org/x/mod/sumdb/note):
/// a verifier key <c>name+hex key id+base64(0x01 ‖ public key)</c> and a signer key
/// <c>PRIVATE+KEY+name+hex key id+base64(0x01 ‖ seed)</c>. The key id is the first four bytes of
/// SHA-256(name ‖ "\n" ‖ 0x01 ‖ public key).
/// </summary>
public sealed class NoteVerifier
{
    private const byte Ed25519Type = 0x01;
    private static readonly SignatureAlgorithm Ed25519 = SignatureAlgorithm.Ed25519;

    private readonly PublicKey _key;

    private NoteVerifier(string name, uint keyId, PublicKey key, byte[] publicKey)
    {
        Name = name;
        KeyId = keyId;
        _key = key;
        PublicKeyBytes = publicKey;
    }

    public string Name { get; }

    public uint KeyId { get; }

    public byte[] PublicKeyBytes { get; }

    /// <summary>The verifier key as published, for anyone to check checkpoints with.</summary>
    public string Encoded => $"{Name}+{KeyId:x8}+{Convert.ToBase64String([Ed25519Type, .. PublicKeyBytes])}";

    public bool Verify(ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature) => Ed25519.Verify(_key, message, signature);

    public static NoteVerifier Parse(string encoded)
    {
        var parts = encoded.Trim().Split('+', 3);
        if (parts.Length != 3 || !IsValidName(parts[0]) || parts[1].Length != 8 || !uint.TryParse(parts[1], System.Globalization.NumberStyles.HexNumber, null, out var keyId))
        {
            throw new FormatException("A verifier key reads name+key id+key, as the site publishes it.");
        }

        var key = DecodeKey(parts[2]);
        if (KeyIdOf(parts[0], key) != keyId)
        {
            throw new FormatException("The verifier key's id does not match its name and key.");
        }

        return new NoteVerifier(parts[0], keyId, PublicKey.Import(Ed25519, key, KeyBlobFormat.RawPublicKey), key);
    }

    internal static NoteVerifier From(string name, byte[] publicKey) =>
        new(name, KeyIdOf(name, publicKey), PublicKey.Import(Ed25519, publicKey, KeyBlobFormat.RawPublicKey), publicKey);

    internal static byte[] DecodeKey(string base64)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            throw new FormatException("The key is not valid base64.");
        }

        if (bytes.Length != 33 || bytes[0] != Ed25519Type)
        {
            throw new FormatException("The key is not an Ed25519 key (type 0x01 and 32 bytes).");
        }

        return bytes[1..];
    }

    internal static uint KeyIdOf(string name, byte[] publicKey)
    {
        byte[] input = [.. Encoding.UTF8.GetBytes(name), (byte)'\n', Ed25519Type, .. publicKey];
        return BinaryPrimitives.ReadUInt32BigEndian(SHA256.HashData(input));
    }

    /// <summary>A key name is non-empty text with no white space and no '+'.</summary>
    public static bool IsValidName(string name) =>
        name.Length > 0 && !name.Contains('+') && !name.Any(char.IsWhiteSpace);
}

/// <summary>The private half: signs notes. Ed25519 signatures are deterministic, so one note always gets one signature.</summary>
public sealed class NoteSigner : IDisposable
{
    private const string Prefix = "PRIVATE+KEY+";
    private static readonly SignatureAlgorithm Ed25519 = SignatureAlgorithm.Ed25519;

    private readonly Key _key;

    private NoteSigner(string name, Key key)
    {
        _key = key;
        Verifier = NoteVerifier.From(name, key.PublicKey.Export(KeyBlobFormat.RawPublicKey));
    }

    public NoteVerifier Verifier { get; }

    public string Name => Verifier.Name;

    public byte[] Sign(ReadOnlySpan<byte> message) => Ed25519.Sign(_key, message);

    /// <summary>A new key named <paramref name="name"/>, as its signer-key text (keep it secret).</summary>
    public static string Generate(string name)
    {
        if (!NoteVerifier.IsValidName(name))
        {
            throw new ArgumentException("A key name is non-empty text with no white space and no '+'.", nameof(name));
        }

        using var key = Key.Create(Ed25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
        var publicKey = key.PublicKey.Export(KeyBlobFormat.RawPublicKey);
        var seed = key.Export(KeyBlobFormat.RawPrivateKey);
        return $"{Prefix}{name}+{NoteVerifier.KeyIdOf(name, publicKey):x8}+{Convert.ToBase64String([0x01, .. seed])}";
    }

    public static NoteSigner Parse(string encoded)
    {
        var text = encoded.Trim();
        if (!text.StartsWith(Prefix, StringComparison.Ordinal))
        {
            throw new FormatException("A signing key starts PRIVATE+KEY+.");
        }

        var parts = text[Prefix.Length..].Split('+', 3);
        if (parts.Length != 3 || !NoteVerifier.IsValidName(parts[0]) || !uint.TryParse(parts[1], System.Globalization.NumberStyles.HexNumber, null, out var keyId))
        {
            throw new FormatException("A signing key reads PRIVATE+KEY+name+key id+key.");
        }

        var seed = NoteVerifier.DecodeKey(parts[2]);
        var key = Key.Import(Ed25519, seed, KeyBlobFormat.RawPrivateKey);
        var signer = new NoteSigner(parts[0], key);
        if (signer.Verifier.KeyId != keyId)
        {
            signer.Dispose();
            throw new FormatException("The signing key's id does not match its name and key.");
        }

        return signer;
    }

    public void Dispose() => _key.Dispose();
}

/// <summary>
/// A C2SP signed note: a text of one or more lines, a blank line, then one line per signature,
/// <c>— name base64(key id ‖ signature)</c>, each signature over the text including its final newline.
/// </summary>
public static class SignedNote
{
    private const string SignaturePrefix = "\u2014 ";

    public static string Sign(string text, NoteSigner signer)
    {
        if (!text.EndsWith('\n') || text.Contains("\n\n", StringComparison.Ordinal))
        {
            throw new ArgumentException("A note's text ends with a newline and has no blank line.", nameof(text));
        }

        var signature = signer.Sign(Encoding.UTF8.GetBytes(text));
        var keyId = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(keyId, signer.Verifier.KeyId);
        return $"{text}\n{SignatureLine(signer.Name, [.. keyId, .. signature])}";
    }

    /// <summary>
    /// The note's text when <paramref name="verifier"/>'s key signed it; signatures by other keys (a witness's
    /// cosignature, say) are ignored, as the specification says.
    /// </summary>
    public static string Open(string note, NoteVerifier verifier)
    {
        var (text, signatures) = Split(note);
        foreach (var (name, signature) in signatures)
        {
            if (name == verifier.Name && signature.Length == 68 && BinaryPrimitives.ReadUInt32BigEndian(signature) == verifier.KeyId
                && verifier.Verify(Encoding.UTF8.GetBytes(text), signature.AsSpan(4)))
            {
                return text;
            }
        }

        throw new NoteException($"The note is not signed by the key {verifier.Name}+{verifier.KeyId:x8}: wrong key, or the note was changed.");
    }

    /// <summary>A note's text (ending in its newline) and its signature lines, each a key name and the decoded signature.</summary>
    internal static (string Text, IReadOnlyList<(string Name, byte[] Signature)> Signatures) Split(string note)
    {
        var split = note.LastIndexOf("\n\n", StringComparison.Ordinal);
        if (split < 0 || !note.EndsWith('\n'))
        {
            throw new NoteException("This is not a signed note: it needs its text, a blank line and signature lines.");
        }

        var signatures = new List<(string, byte[])>();
        foreach (var line in note[(split + 2)..^1].Split('\n'))
        {
            if (!line.StartsWith(SignaturePrefix, StringComparison.Ordinal))
            {
                throw new NoteException($"The signature line \"{line}\" does not start with an em dash and a space.");
            }

            var parts = line[SignaturePrefix.Length..].Split(' ');
            if (parts.Length != 2)
            {
                continue;
            }

            try
            {
                signatures.Add((parts[0], Convert.FromBase64String(parts[1])));
            }
            catch (FormatException)
            {
                throw new NoteException("A signature is not valid base64.");
            }
        }

        return (note[..(split + 1)], signatures);
    }

    /// <summary>A signature line: an em dash, a space, the key's name, a space and base64(key id ‖ signature).</summary>
    internal static string SignatureLine(string name, byte[] signature) => $"{SignaturePrefix}{name} {Convert.ToBase64String(signature)}\n";
}

/// <summary>A note that fails to parse or to verify.</summary>
public sealed class NoteException(string message) : Exception(message);
