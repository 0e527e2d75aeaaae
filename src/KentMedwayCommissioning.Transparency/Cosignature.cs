using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using NSec.Cryptography;

namespace KentMedwayCommissioning.Transparency;

/// <summary>
/// A witness's key for C2SP tlog-cosignature/v1 (Ed25519, key type 0x04): <c>name+hex key id+base64(0x04 ‖ key)</c>,
/// the id being the first four bytes of SHA-256(name ‖ "\n" ‖ 0x04 ‖ public key). A witness that has checked a
/// checkpoint is consistent with every one it saw before adds its cosignature: a reader who trusts any one witness then
/// knows the checkpoint they were shown is the one everybody was shown.
/// </summary>
public sealed class WitnessKey
{
    internal const byte CosignatureType = 0x04;

    private WitnessKey(string name, byte[] publicKey)
    {
        Name = name;
        PublicKey = publicKey;
        KeyId = KeyIdOf(name, publicKey);
    }

    public string Name { get; }

    public uint KeyId { get; }

    internal byte[] PublicKey { get; }

    public string Encoded => $"{Name}+{KeyId:x8}+{Convert.ToBase64String([CosignatureType, .. PublicKey])}";

    public static WitnessKey Parse(string encoded)
    {
        var parts = encoded.Trim().Split('+', 3);
        if (parts.Length != 3 || !NoteVerifier.IsValidName(parts[0]) || !uint.TryParse(parts[1], NumberStyles.HexNumber, null, out var keyId))
        {
            throw new FormatException("A witness key reads name+key id+key.");
        }

        var key = Decode(parts[2]);
        var witness = new WitnessKey(parts[0], key);
        return witness.KeyId == keyId ? witness : throw new FormatException("The witness key's id does not match its name and key.");
    }

    internal static WitnessKey From(string name, byte[] publicKey) => new(name, publicKey);

    internal static byte[] Decode(string base64)
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

        return bytes.Length == 33 && bytes[0] == CosignatureType ? bytes[1..] : throw new FormatException("The key is not a cosignature key (type 0x04 and 32 bytes).");
    }

    private static uint KeyIdOf(string name, byte[] publicKey) =>
        BinaryPrimitives.ReadUInt32BigEndian(SHA256.HashData([.. Encoding.UTF8.GetBytes(name), (byte)'\n', CosignatureType, .. publicKey]));
}

/// <summary>Adds and checks C2SP tlog-cosignature/v1 lines on a signed checkpoint.</summary>
public static class Cosignature
{
    private const string Prefix = "PRIVATE+KEY+";
    private static readonly SignatureAlgorithm Ed25519 = SignatureAlgorithm.Ed25519;

    /// <summary>A new witness key named <paramref name="name"/>, as its private-key text (keep it secret).</summary>
    public static string GenerateKey(string name)
    {
        if (!NoteVerifier.IsValidName(name))
        {
            throw new ArgumentException("A key name is non-empty text with no white space and no '+'.", nameof(name));
        }

        using var key = Key.Create(Ed25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
        var witness = WitnessKey.From(name, key.PublicKey.Export(KeyBlobFormat.RawPublicKey));
        return $"{Prefix}{name}+{witness.KeyId:x8}+{Convert.ToBase64String([WitnessKey.CosignatureType, .. key.Export(KeyBlobFormat.RawPrivateKey)])}";
    }

    /// <summary>The public half of a witness's private key text.</summary>
    public static WitnessKey PublicKeyOf(string privateKey)
    {
        var (name, key) = ParsePrivate(privateKey);
        using (key)
        {
            return WitnessKey.From(name, key.PublicKey.Export(KeyBlobFormat.RawPublicKey));
        }
    }

    /// <summary>Adds the witness's cosignature, made at <paramref name="at"/>, to a signed checkpoint.</summary>
    public static string Add(string signedCheckpoint, string privateKey, DateTimeOffset at)
    {
        var (name, key) = ParsePrivate(privateKey);
        using (key)
        {
            var (text, _) = SignedNote.Split(signedCheckpoint);
            var seconds = (ulong)at.ToUnixTimeSeconds();
            var signature = Ed25519.Sign(key, Message(text, seconds));
            var witness = WitnessKey.From(name, key.PublicKey.Export(KeyBlobFormat.RawPublicKey));
            var line = new byte[4 + 8 + signature.Length];
            BinaryPrimitives.WriteUInt32BigEndian(line, witness.KeyId);
            BinaryPrimitives.WriteUInt64BigEndian(line.AsSpan(4), seconds);
            signature.CopyTo(line, 12);
            return signedCheckpoint + SignedNote.SignatureLine(name, line);
        }
    }

    /// <summary>When the witness cosigned the checkpoint; a <see cref="NoteException"/> when it did not.</summary>
    public static DateTimeOffset Verify(string signedCheckpoint, WitnessKey witness)
    {
        var (text, signatures) = SignedNote.Split(signedCheckpoint);
        var publicKey = NSec.Cryptography.PublicKey.Import(Ed25519, witness.PublicKey, KeyBlobFormat.RawPublicKey);
        foreach (var (name, signature) in signatures)
        {
            if (name != witness.Name || signature.Length != 76 || BinaryPrimitives.ReadUInt32BigEndian(signature) != witness.KeyId)
            {
                continue;
            }

            var seconds = BinaryPrimitives.ReadUInt64BigEndian(signature.AsSpan(4));
            if (Ed25519.Verify(publicKey, Message(text, seconds), signature.AsSpan(12)))
            {
                return DateTimeOffset.FromUnixTimeSeconds((long)seconds);
            }
        }

        throw new NoteException($"The checkpoint is not cosigned by the witness {witness.Name}+{witness.KeyId:x8}.");
    }

    /// <summary>What a cosignature signs: its header, the time, and the checkpoint's text.</summary>
    private static byte[] Message(string text, ulong seconds) =>
        Encoding.UTF8.GetBytes($"cosignature/v1\ntime {seconds.ToString(CultureInfo.InvariantCulture)}\n{text}");

    private static (string Name, Key Key) ParsePrivate(string privateKey)
    {
        var text = privateKey.Trim();
        var parts = text.StartsWith(Prefix, StringComparison.Ordinal) ? text[Prefix.Length..].Split('+', 3) : [];
        if (parts.Length != 3 || !NoteVerifier.IsValidName(parts[0]))
        {
            throw new FormatException("A witness's private key reads PRIVATE+KEY+name+key id+key.");
        }

        var seed = WitnessKey.Decode(parts[2]);
        return (parts[0], Key.Import(Ed25519, seed, KeyBlobFormat.RawPrivateKey));
    }
}
