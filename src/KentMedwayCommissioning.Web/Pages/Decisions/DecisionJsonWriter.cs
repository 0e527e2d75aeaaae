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
            json.WriteStartArray("items"u8);
            for (var index = 0; index < decisions.Count; index++)
            {
                Write(json, decisions[index], canonical);
                if ((index + 1) % EntriesPerFlush == 0)
                {
                    await flush();
                }
            }

            json.WriteEndArray();
            json.WriteString("next"u8, next);
            json.WriteNumber("entries"u8, entries);
            json.WriteString("headHash"u8, headHash);
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
        json.WriteNumber("sequence"u8, decision.Sequence);
        json.WriteString("url"u8, $"/decisions/{decision.Sequence}");
        json.WriteString("body"u8, decision.BodyName);
        json.WriteString("bodySlug"u8, decision.BodySlug);
        json.WriteString("meeting"u8, decision.MeetingTitle);
        json.WriteString("meetingDate"u8, decision.MeetingDate);
        json.WriteString("meetingDateIso"u8, decision.MeetingDateIso);
        json.WriteString("meetingDatePrecision"u8, OpenData.Precision(decision));
        json.WriteString("item"u8, decision.ItemTitle);
        json.WriteString("question"u8, decision.Question);
        json.WriteString("outcome"u8, decision.Outcome);
        json.WriteString("explanation"u8, decision.Explanation);
        WriteNumber(json, "votesFor"u8, decision.VotesFor);
        WriteNumber(json, "votesAgainst"u8, decision.VotesAgainst);
        WriteNumber(json, "abstentions"u8, decision.Abstentions);
        json.WriteStartArray("votes"u8);
        foreach (var vote in decision.Votes)
        {
            json.WriteStartObject();
            json.WriteString("member"u8, vote.Member);
            json.WriteString("vote"u8, vote.Vote);
            json.WriteBoolean("casting"u8, vote.IsCastingVote);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("declarations"u8);
        foreach (var declaration in decision.Declarations)
        {
            json.WriteStartObject();
            json.WriteString("member"u8, declaration.Member);
            json.WriteString("interest"u8, declaration.Interest);
            json.WriteString("management"u8, declaration.Management);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteString("publishedAt"u8, decision.PublishedAt.UtcDateTime.ToString(OpenData.UtcSeconds, CultureInfo.InvariantCulture));
        WriteNumber(json, "corrects"u8, decision.CorrectsSequence);
        canonical.ResetWrittenCount();
        decision.WriteCanonical(canonical);
        json.WriteString("canonical"u8, canonical.WrittenSpan);
        json.WriteStartArray("canonicalFields"u8);
        foreach (var field in decision.CanonicalFields)
        {
            json.WriteStringValue(field);
        }

        json.WriteEndArray();
        json.WriteString("previousHash"u8, decision.PreviousHash);
        json.WriteString("hash"u8, decision.Hash);
        json.WriteEndObject();
    }

    private static void WriteNumber(Utf8JsonWriter json, ReadOnlySpan<byte> name, long? value)
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
