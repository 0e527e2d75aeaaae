using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using KentMedwayCommissioning.Transparency;
using KentMedwayCommissioning.Web.Domain.Meetings;

namespace KentMedwayCommissioning.Web.Domain.Register;

/// <summary>
/// A named vote as published, the chair's casting vote marked as such. <paramref name="PersonId"/> ties it to the
/// member's public record; entries published before it was stored have none. It is stored, not hashed.
/// </summary>
public sealed record PublishedVote(string Member, string Vote, bool IsCastingVote = false, int? PersonId = null);

/// <summary>An interest declared in the item, and how it was managed, as published; <paramref name="PersonId"/> as for a vote.</summary>
public sealed record PublishedDeclaration(string Member, string Interest, string Management, int? PersonId = null);

/// <summary>
/// A decision as published: a snapshot that is never changed. It is one entry in an append-only hash chain; a
/// correction is a new entry pointing at the one it corrects.
/// </summary>
public sealed class PublishedDecision
{
    private PublishedDecision()
    {
        BodyName = null!;
        BodySlug = null!;
        MeetingTitle = null!;
        MeetingDate = null!;
        ItemTitle = null!;
        Outcome = null!;
        Explanation = null!;
        Votes = null!;
        Declarations = null!;
        PreviousHash = null!;
        Hash = null!;
    }

    public PublishedDecision(
        long sequence,
        string bodyName,
        string bodySlug,
        int agendaItemId,
        string meetingTitle,
        string meetingDate,
        string itemTitle,
        string? question,
        string outcome,
        string explanation,
        int? votesFor,
        int? votesAgainst,
        int? abstentions,
        IReadOnlyList<PublishedVote> votes,
        IReadOnlyList<PublishedDeclaration> declarations,
        DateTimeOffset publishedAt,
        long? correctsSequence,
        string previousHash,
        string? meetingDateIso = null,
        int canonicalVersion = CurrentCanonicalVersion)
    {
        Sequence = sequence;
        BodyName = bodyName;
        BodySlug = bodySlug;
        AgendaItemId = agendaItemId;
        MeetingTitle = meetingTitle;
        MeetingDate = meetingDate;
        MeetingDateIso = meetingDateIso;
        ItemTitle = itemTitle;
        Question = question;
        Outcome = outcome;
        Explanation = explanation;
        VotesFor = votesFor;
        VotesAgainst = votesAgainst;
        Abstentions = abstentions;
        Votes = [.. votes];
        Declarations = [.. declarations];
        // Whole seconds, so the value reads back from the database exactly as it was hashed.
        PublishedAt = DateTimeOffset.FromUnixTimeSeconds(publishedAt.ToUnixTimeSeconds());
        CorrectsSequence = correctsSequence;
        PreviousHash = previousHash;
        // Only the tests make entries of an older version: they stand for entries published before it changed.
        CanonicalVersion = canonicalVersion;
        Hash = ComputeHash();
    }

    /// <summary>
    /// A meeting's date as an entry publishes it, when the papers give no words of their own, no more precisely than it
    /// is known: "Monday 5 February 2018 at 2:00pm" in Kent, "Thursday 22 February 2018", "February 2018" or "2018".
    /// It is hashed, so it is fixed here and never follows a change to how pages show dates.
    /// </summary>
    public static string MeetingDateOf(DateTimeOffset startsAt, MeetingDatePrecision precision = MeetingDatePrecision.Time)
    {
        var local = UkCalendar.ToUkTime(startsAt);
        var british = CultureInfo.GetCultureInfo("en-GB");
        return precision switch
        {
            MeetingDatePrecision.Year => local.ToString("yyyy", british),
            MeetingDatePrecision.Month => local.ToString("MMMM yyyy", british),
            MeetingDatePrecision.Day => local.ToString("dddd d MMMM yyyy", british),
            _ => local.ToString("dddd d MMMM yyyy 'at' h:mm", british) + (local.Hour < 12 ? "am" : "pm"),
        };
    }

    /// <summary>The chain of an empty register starts from this.</summary>
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>Position in the chain, from 1; also the decision's public number.</summary>
    public long Sequence { get; private set; }

    public string BodyName { get; private set; }
    public string BodySlug { get; private set; }
    public int AgendaItemId { get; private set; }
    public string MeetingTitle { get; private set; }
    /// <summary>The papers' words for the meeting's date, or the date in words: for people.</summary>
    public string MeetingDate { get; private set; }

    /// <summary>
    /// The meeting's date in ISO 8601 at the precision known (<see cref="Meetings.MeetingDate.Iso"/>): for machines.
    /// Entries published before it was kept have none.
    /// </summary>
    public string? MeetingDateIso { get; private set; }

    public string ItemTitle { get; private set; }
    public string? Question { get; private set; }
    public string Outcome { get; private set; }
    public string Explanation { get; private set; }
    public int? VotesFor { get; private set; }
    public int? VotesAgainst { get; private set; }
    public int? Abstentions { get; private set; }
    public List<PublishedVote> Votes { get; private set; }
    public List<PublishedDeclaration> Declarations { get; private set; }
    public DateTimeOffset PublishedAt { get; private set; }
    public long? CorrectsSequence { get; private set; }
    public string PreviousHash { get; private set; }
    public string Hash { get; private set; }

    /// <summary>
    /// Which fields the canonical form carries. Version 1 (entries published before the transparency log) left out the
    /// body's slug; version 2 carries every published field. An entry keeps the version it was hashed with for ever.
    /// </summary>
    public int CanonicalVersion { get; private set; }

    public const int CurrentCanonicalVersion = 2;

    /// <summary>The fields the entry's canonical form carries, in its order, named as in the canonical form and the CSV.</summary>
    public IReadOnlyList<string> CanonicalFields =>
        (CanonicalVersion, MeetingDateIso) switch
        {
            (1, null) => FieldsOfVersion1,
            (1, _) => FieldsOfVersion1WithIsoDate,
            (_, null) => FieldsOfVersion2,
            _ => FieldsOfVersion2WithIsoDate,
        };

    private static readonly string[] FieldsOfVersion1 =
        ["sequence", "body", "meeting", "meeting_date", "item", "question", "outcome", "explanation", "votes_for", "votes_against", "abstentions", "votes", "declarations", "published_at", "corrects"];

    private static readonly string[] FieldsOfVersion1WithIsoDate = [.. FieldsOfVersion1[..4], "meeting_date_iso", .. FieldsOfVersion1[4..]];

    private static readonly string[] FieldsOfVersion2 = [.. FieldsOfVersion1[..2], "body_slug", .. FieldsOfVersion1[2..]];

    private static readonly string[] FieldsOfVersion2WithIsoDate = [.. FieldsOfVersion2[..5], "meeting_date_iso", .. FieldsOfVersion2[5..]];

    /// <summary>The entry's leaf in the register's Merkle tree: RFC 9162's leaf hash of its canonical form.</summary>
    public byte[] LeafHash() => LeafHashOf(Canonical());

    internal static byte[] LeafHashOf(string canonical) => MerkleTree.LeafHash(Encoding.UTF8.GetBytes(canonical));

    /// <summary>
    /// The documented canonical form: UTF-8 JSON with no whitespace and the fields of <see cref="CanonicalFields"/> in
    /// exactly that order; absent values as null, except <c>meeting_date_iso</c>, which entries published before it was
    /// kept leave out. The hash is SHA-256 of <c>previous_hash + "\n" + canonical</c>, in
    /// lower-case hex.
    /// </summary>
    public string Canonical()
    {
        // Written straight into a growable buffer (a stream would add a copy and a clear of the writer's own buffer).
        var buffer = new ArrayBufferWriter<byte>(2048);
        WriteCanonical(buffer);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>The <see cref="Canonical"/> form as UTF-8 into <paramref name="buffer"/>: the API writes it without making a string of it.</summary>
    public void WriteCanonical(IBufferWriter<byte> buffer)
    {
        using var json = new Utf8JsonWriter(buffer, CanonicalWriting);
        json.WriteStartObject();
        json.WriteNumber("sequence", Sequence);
        json.WriteString("body", BodyName);
        if (CanonicalVersion >= 2)
        {
            json.WriteString("body_slug", BodySlug);
        }

        json.WriteString("meeting", MeetingTitle);
        json.WriteString("meeting_date", MeetingDate);
        if (MeetingDateIso is not null)
        {
            // Only when present, so the entries published before it was kept hash as they always did.
            json.WriteString("meeting_date_iso", MeetingDateIso);
        }

        json.WriteString("item", ItemTitle);
        json.WriteString("question", Question);
        json.WriteString("outcome", Outcome);
        json.WriteString("explanation", Explanation);
        WriteNumber(json, "votes_for", VotesFor);
        WriteNumber(json, "votes_against", VotesAgainst);
        WriteNumber(json, "abstentions", Abstentions);
        json.WriteStartArray("votes");
        foreach (var vote in Votes)
        {
            json.WriteStartObject();
            json.WriteString("member", vote.Member);
            json.WriteString("vote", vote.Vote);
            json.WriteBoolean("casting", vote.IsCastingVote);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("declarations");
        foreach (var declaration in Declarations)
        {
            json.WriteStartObject();
            json.WriteString("member", declaration.Member);
            json.WriteString("interest", declaration.Interest);
            json.WriteString("management", declaration.Management);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteString("published_at", PublishedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture));
        WriteNumber(json, "corrects", CorrectsSequence);
        json.WriteEndObject();
    }

    private static readonly JsonWriterOptions CanonicalWriting = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public string ComputeHash() => HashOf(PreviousHash, Canonical());

    public static string HashOf(string previousHash, string canonical) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(previousHash + "\n" + canonical)));

    private static void WriteNumber(Utf8JsonWriter json, string name, long? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteNumber(name, value.Value);
        }
    }
}

/// <summary>
/// The result of re-checking the whole register: which entry, if any, first fails, and the Merkle tree root recomputed
/// from the entries, to compare with the signed checkpoint.
/// </summary>
public sealed record ChainVerification(long Entries, string HeadHash, long? FirstFailingSequence, string? Reason, byte[] TreeRoot)
{
    public bool IsIntact => FirstFailingSequence is null;

    public static ChainVerification Check(IEnumerable<PublishedDecision> inOrder)
    {
        var checker = new Checker();
        foreach (var entry in inOrder)
        {
            if (!checker.Add(entry))
            {
                break;
            }
        }

        return checker.Result;
    }

    /// <summary>Checks entries as they are read, holding O(log n) hashes, so the whole register is never in memory.</summary>
    public static async Task<ChainVerification> CheckAsync(IAsyncEnumerable<PublishedDecision> inOrder, CancellationToken cancellationToken)
    {
        var checker = new Checker();
        await foreach (var entry in inOrder.WithCancellation(cancellationToken))
        {
            if (!checker.Add(entry))
            {
                break;
            }
        }

        return checker.Result;
    }

    private sealed class Checker
    {
        private readonly StreamingRoot _tree = new();
        private string _previous = PublishedDecision.GenesisHash;
        private long _count;
        private (long Sequence, string Reason)? _failure;

        public ChainVerification Result => new(_count, _previous, _failure?.Sequence, _failure?.Reason, _tree.Root());

        public bool Add(PublishedDecision entry)
        {
            _count++;
            // One canonical form for both checks: building it is most of the work of re-checking the register.
            var canonical = entry.Canonical();
            _failure = entry.Sequence != _count ? (entry.Sequence, $"entry {entry.Sequence} is out of sequence (expected {_count})")
                : entry.PreviousHash != _previous ? (entry.Sequence, $"entry {entry.Sequence} does not point at the hash of the entry before it")
                : PublishedDecision.HashOf(entry.PreviousHash, canonical) != entry.Hash ? (entry.Sequence, $"entry {entry.Sequence} does not match its hash: it was changed after publishing")
                : null;
            if (_failure is not null)
            {
                return false;
            }

            _tree.Add(entry.Sequence - 1, PublishedDecision.LeafHashOf(canonical));
            _previous = entry.Hash;
            return true;
        }
    }
}
