using System.Text.Json;
using System.Text.Json.Serialization;
using KentMedwayCommissioning.Web.Domain.Register;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace KentMedwayCommissioning.Web.Data.Configurations;

/// <summary>
/// How a published decision's votes and declarations are stored: each list one jsonb array of objects named as the
/// records' properties (<c>Member</c>, <c>Vote</c>, <c>IsCastingVote</c>, <c>PersonId</c>; <c>Member</c>,
/// <c>Interest</c>, <c>Management</c>, <c>PersonId</c>), as the owned JSON mapping before it wrote them.
/// </summary>
[JsonSerializable(typeof(List<PublishedVote>))]
[JsonSerializable(typeof(List<PublishedDeclaration>))]
[JsonSourceGenerationOptions(Converters = [typeof(PublishedVoteConverter), typeof(PublishedDeclarationConverter)])]
internal sealed partial class PublishedJson : JsonSerializerContext;

/// <summary>
/// The votes stored as one JSON array. The serializer is named, not captured, so that the compiled model
/// (Data/CompiledModel) can write the conversion out as code.
/// </summary>
internal sealed class PublishedVotesConverter() : ValueConverter<List<PublishedVote>, string>(
    list => JsonSerializer.Serialize(list, PublishedJson.Default.ListPublishedVote),
    json => JsonSerializer.Deserialize(json, PublishedJson.Default.ListPublishedVote) ?? new List<PublishedVote>());

/// <summary>The declarations stored as one JSON array; named for the compiled model as the votes are.</summary>
internal sealed class PublishedDeclarationsConverter() : ValueConverter<List<PublishedDeclaration>, string>(
    list => JsonSerializer.Serialize(list, PublishedJson.Default.ListPublishedDeclaration),
    json => JsonSerializer.Deserialize(json, PublishedJson.Default.ListPublishedDeclaration) ?? new List<PublishedDeclaration>());

/// <summary>Lists of records are equal when their items are, in order.</summary>
internal sealed class JsonListComparer<T>() : ValueComparer<List<T>>(
    (left, right) => left == null ? right == null : right != null && left.SequenceEqual(right),
    list => list.Aggregate(0, (hash, item) => HashCode.Combine(hash, item)),
    list => list.ToList());

/// <summary>
/// A vote read and written field by field. The serializer's own way into a record, through its constructor, was a
/// fifth of the JSON API's time, which reads every entry's votes (README, "Where the uncached time goes").
/// </summary>
internal sealed class PublishedVoteConverter : JsonConverter<PublishedVote>
{
    public override PublishedVote Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        string? member = null, vote = null;
        var casting = false;
        int? personId = null;
        StoredObject.Start(ref reader);
        while (StoredObject.NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("Member"u8))
            {
                member = StoredObject.String(ref reader);
            }
            else if (reader.ValueTextEquals("Vote"u8))
            {
                vote = StoredObject.String(ref reader);
            }
            else if (reader.ValueTextEquals("IsCastingVote"u8))
            {
                reader.Read();
                casting = reader.GetBoolean();
            }
            else if (reader.ValueTextEquals("PersonId"u8))
            {
                personId = StoredObject.Number(ref reader);
            }
            else
            {
                StoredObject.SkipValue(ref reader);
            }
        }

        return new PublishedVote(StoredObject.Required(member, "vote", "Member"), StoredObject.Required(vote, "vote", "Vote"), casting, personId);
    }

    public override void Write(Utf8JsonWriter writer, PublishedVote value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString("Member"u8, value.Member);
        writer.WriteString("Vote"u8, value.Vote);
        writer.WriteBoolean("IsCastingVote"u8, value.IsCastingVote);
        StoredObject.WriteNumber(writer, "PersonId"u8, value.PersonId);
        writer.WriteEndObject();
    }
}

/// <summary>A declaration read and written field by field, for the same reason as <see cref="PublishedVoteConverter"/>.</summary>
internal sealed class PublishedDeclarationConverter : JsonConverter<PublishedDeclaration>
{
    public override PublishedDeclaration Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        string? member = null, interest = null, management = null;
        int? personId = null;
        StoredObject.Start(ref reader);
        while (StoredObject.NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("Member"u8))
            {
                member = StoredObject.String(ref reader);
            }
            else if (reader.ValueTextEquals("Interest"u8))
            {
                interest = StoredObject.String(ref reader);
            }
            else if (reader.ValueTextEquals("Management"u8))
            {
                management = StoredObject.String(ref reader);
            }
            else if (reader.ValueTextEquals("PersonId"u8))
            {
                personId = StoredObject.Number(ref reader);
            }
            else
            {
                StoredObject.SkipValue(ref reader);
            }
        }

        return new PublishedDeclaration(
            StoredObject.Required(member, "declaration", "Member"), StoredObject.Required(interest, "declaration", "Interest"),
            StoredObject.Required(management, "declaration", "Management"), personId);
    }

    public override void Write(Utf8JsonWriter writer, PublishedDeclaration value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString("Member"u8, value.Member);
        writer.WriteString("Interest"u8, value.Interest);
        writer.WriteString("Management"u8, value.Management);
        StoredObject.WriteNumber(writer, "PersonId"u8, value.PersonId);
        writer.WriteEndObject();
    }
}

/// <summary>The reading and writing that both converters do, with a clear error for a stored object that is not one.</summary>
internal static class StoredObject
{
    public static void Start(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Expected a stored object, found {reader.TokenType}.");
        }
    }

    /// <summary>Moves to the next property's name; false at the end of the object.</summary>
    public static bool NextProperty(ref Utf8JsonReader reader) =>
        reader.Read() && reader.TokenType switch
        {
            JsonTokenType.EndObject => false,
            JsonTokenType.PropertyName => true,
            var other => throw new JsonException($"Expected a property name, found {other}."),
        };

    public static string? String(ref Utf8JsonReader reader)
    {
        reader.Read();
        return reader.GetString();
    }

    public static int? Number(ref Utf8JsonReader reader)
    {
        reader.Read();
        return reader.TokenType == JsonTokenType.Null ? null : reader.GetInt32();
    }

    public static void SkipValue(ref Utf8JsonReader reader)
    {
        reader.Read();
        reader.Skip();
    }

    public static string Required(string? value, string what, string property) =>
        value ?? throw new JsonException($"A stored {what} has no {property}.");

    public static void WriteNumber(Utf8JsonWriter writer, ReadOnlySpan<byte> name, int? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}
