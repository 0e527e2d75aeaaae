using System.Buffers;
using System.Globalization;
using System.Text.Json;
using KentMedwayCommissioning.Web.Domain.Register;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace KentMedwayCommissioning.Web.Pages.Decisions;

/// <summary>
/// Writes <see cref="OpenData.DecisionPage"/> and <see cref="OpenData.DecisionJson"/> into the response straight from
/// the entries, property by property as the serializer writes those records (camelCase, nulls written, the app's
/// encoder). The records stay the documented schema, and the contract tests check every answer against it. Going
/// through the records made a copy of every entry and its canonical form as a string, then serialized the copies
/// through the serializer's reflection metadata: about a sixth of the API's time (README, "Where the uncached time goes").
/// </summary>
internal static class DecisionJsonWriter
{
    /// <summary>Entries written between flushes, so a page of 500 is not held whole before it is sent.</summary>
    private const int EntriesPerFlush = 50;

    public static IResult Page(IReadOnlyList<PublishedDecision> decisions, string? next, long entries, string headHash) =>
        new JsonBody(async (json, flush) =>
        {
            var canonical = new ArrayBufferWriter<byte>(2048);
            json.WriteStartObject();
            json.WriteStartArray("items");
            for (var index = 0; index < decisions.Count; index++)
            {
                Write(json, decisions[index], canonical);
                if ((index + 1) % EntriesPerFlush == 0)
                {
                    await flush();
                }
            }

            json.WriteEndArray();
            json.WriteString("next", next);
            json.WriteNumber("entries", entries);
            json.WriteString("headHash", headHash);
            json.WriteEndObject();
        });

    public static IResult Decision(PublishedDecision decision) =>
        new JsonBody((json, _) =>
        {
            Write(json, decision, new ArrayBufferWriter<byte>(2048));
            return Task.CompletedTask;
        });

    private static void Write(Utf8JsonWriter json, PublishedDecision decision, ArrayBufferWriter<byte> canonical)
    {
        json.WriteStartObject();
        json.WriteNumber("sequence", decision.Sequence);
        json.WriteString("url", $"/decisions/{decision.Sequence}");
        json.WriteString("body", decision.BodyName);
        json.WriteString("bodySlug", decision.BodySlug);
        json.WriteString("meeting", decision.MeetingTitle);
        json.WriteString("meetingDate", decision.MeetingDate);
        json.WriteString("meetingDateIso", decision.MeetingDateIso);
        json.WriteString("meetingDatePrecision", OpenData.Precision(decision));
        json.WriteString("item", decision.ItemTitle);
        json.WriteString("question", decision.Question);
        json.WriteString("outcome", decision.Outcome);
        json.WriteString("explanation", decision.Explanation);
        WriteNumber(json, "votesFor", decision.VotesFor);
        WriteNumber(json, "votesAgainst", decision.VotesAgainst);
        WriteNumber(json, "abstentions", decision.Abstentions);
        json.WriteStartArray("votes");
        foreach (var vote in decision.Votes)
        {
            json.WriteStartObject();
            json.WriteString("member", vote.Member);
            json.WriteString("vote", vote.Vote);
            json.WriteBoolean("casting", vote.IsCastingVote);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("declarations");
        foreach (var declaration in decision.Declarations)
        {
            json.WriteStartObject();
            json.WriteString("member", declaration.Member);
            json.WriteString("interest", declaration.Interest);
            json.WriteString("management", declaration.Management);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteString("publishedAt", decision.PublishedAt.UtcDateTime.ToString(OpenData.UtcSeconds, CultureInfo.InvariantCulture));
        WriteNumber(json, "corrects", decision.CorrectsSequence);
        canonical.ResetWrittenCount();
        decision.WriteCanonical(canonical);
        json.WriteString("canonical", canonical.WrittenSpan);
        json.WriteStartArray("canonicalFields");
        foreach (var field in decision.CanonicalFields)
        {
            json.WriteStringValue(field);
        }

        json.WriteEndArray();
        json.WriteString("previousHash", decision.PreviousHash);
        json.WriteString("hash", decision.Hash);
        json.WriteEndObject();
    }

    private static void WriteNumber(Utf8JsonWriter json, string name, long? value)
    {
        if (value is { } number)
        {
            json.WriteNumber(name, number);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    /// <summary>
    /// A JSON answer written by hand into the response body with the app's JSON encoder; the writer is given a flush
    /// that sends what it has written so far.
    /// </summary>
    private sealed class JsonBody(Func<Utf8JsonWriter, Func<ValueTask>, Task> write) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.ContentType = "application/json; charset=utf-8";
            var encoder = httpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions.Encoder;
            var body = httpContext.Response.BodyWriter;
            await using var json = new Utf8JsonWriter(body, new JsonWriterOptions { Encoder = encoder });
            async ValueTask Flush()
            {
                // The writer hands its bytes to the pipe; the pipe sends them.
                json.Flush();
                await body.FlushAsync(httpContext.RequestAborted);
            }

            await write(json, Flush);
            await Flush();
        }
    }
}
