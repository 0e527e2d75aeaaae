using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using KentMedwayCommissioning.Web.Data;
using KentMedwayCommissioning.Web.Pages.Meetings;
using KentMedwayCommissioning.Web.Pages.Shared;
using Npgsql;

namespace KentMedwayCommissioning.Web.Pages.Decisions;

/// <summary>
/// The benchmark's yardsticks, read with raw Npgsql and written as HTML with a string builder, with no EF Core, Razor,
/// mediator or cache in the way: <c>/bench/baseline</c>, the register's newest 25 decisions, and
/// <c>/bench/decisions/{sequence}</c>, a decision's page (the same row, its correction and the same tables as
/// /decisions/{sequence}, in one statement). scripts/bench.sh reports the app's pages as ratios to them, measured in the
/// same run. They exist only when the configuration switches them on (<c>Benchmark__Baseline=true</c>, set by bench.sh);
/// no deployment maps them. The raw vote is in Meetings/CastVoteBaseline.
/// </summary>
public static class RegisterBaseline
{
    public const string Switch = "Benchmark:Baseline";
    public const string Path = "/bench/baseline";

    private const string Sql = "SELECT sequence, body_name, item_title, outcome, meeting_date FROM published_decisions ORDER BY sequence DESC LIMIT 25";

    public const string DecisionPath = "/bench/decisions/{sequence:long}";

    private const string DecisionSql =
        """
        SELECT d.body_name, d.body_slug, d.item_title, d.question, d.outcome, d.explanation, d.meeting_title, d.meeting_date,
               d.meeting_date_iso, d.votes_for, d.votes_against, d.abstentions, d.published_at, d.hash, d.previous_hash,
               d.corrects_sequence, d.votes::text, d.declarations::text,
               (SELECT c.sequence FROM published_decisions c WHERE c.corrects_sequence = d.sequence)
        FROM published_decisions d WHERE d.sequence = $1
        """;

    public static void MapRegisterBaseline(this WebApplication app)
    {
        if (!app.Configuration.GetValue<bool>(Switch))
        {
            return;
        }

        // The same connection settings as the app's (automatic preparation included), so the ratios compare the code alone.
        var dataSource = NpgsqlDataSource.Create(AppDbContext.WithAutoPrepare(app.Configuration.GetConnectionString("Default")!));
        app.Lifetime.ApplicationStopped.Register(dataSource.Dispose);
        app.MapCastVoteBaseline(dataSource);
        app.MapGet(Path, async (HttpContext http, CancellationToken cancellationToken) =>
        {
            var html = new StringBuilder(8192);
            html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Register of decisions</title></head><body><h1>Register of decisions</h1><ul>");
            await using (var command = dataSource.CreateCommand(Sql))
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    var sequence = reader.GetInt64(0).ToString(CultureInfo.InvariantCulture);
                    html.Append("<li><a href=\"/decisions/").Append(sequence).Append("\">")
                        .Append(WebUtility.HtmlEncode(reader.GetString(1))).Append(": ").Append(WebUtility.HtmlEncode(reader.GetString(2)))
                        .Append("</a><br><strong>").Append(WebUtility.HtmlEncode(reader.GetString(3))).Append("</strong>. ")
                        .Append(WebUtility.HtmlEncode(reader.GetString(4))).Append(". Decision ").Append(sequence).Append(".</li>");
                }
            }

            html.Append("</ul></body></html>");
            http.Response.ContentType = "text/html; charset=utf-8";
            await http.Response.WriteAsync(html.ToString(), cancellationToken);
        }).AllowAnonymous();

        app.MapGet(DecisionPath, async (long sequence, HttpContext http, CancellationToken cancellationToken) =>
        {
            await using var command = dataSource.CreateCommand(DecisionSql);
            command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = sequence });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                return Results.NotFound();
            }

            var html = new StringBuilder(8192);
            string Encoded(int column) => reader.IsDBNull(column) ? "" : WebUtility.HtmlEncode(reader.GetString(column));
            var number = sequence.ToString(CultureInfo.InvariantCulture);
            html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>").Append(Encoded(0)).Append(": ").Append(Encoded(2))
                .Append("</title></head><body><h1><span>Decision ").Append(number).Append(", <a href=\"/bodies/").Append(Encoded(1)).Append("\">")
                .Append(Encoded(0)).Append("</a></span>").Append(Encoded(2)).Append("</h1>");
            if (!reader.IsDBNull(18))
            {
                var correction = reader.GetInt64(18).ToString(CultureInfo.InvariantCulture);
                html.Append("<p>This decision is corrected by <a href=\"/decisions/").Append(correction).Append("\">decision ").Append(correction).Append("</a>.</p>");
            }

            if (!reader.IsDBNull(15))
            {
                var corrects = reader.GetInt64(15).ToString(CultureInfo.InvariantCulture);
                html.Append("<p>This entry corrects <a href=\"/decisions/").Append(corrects).Append("\">decision ").Append(corrects).Append("</a>.</p>");
            }

            html.Append("<dl><dt>Outcome</dt><dd><strong>").Append(Encoded(4)).Append("</strong><br>").Append(Encoded(5)).Append("</dd>");
            if (!reader.IsDBNull(3))
            {
                html.Append("<dt>Question</dt><dd>").Append(Encoded(3)).Append("</dd>");
            }

            html.Append("<dt>Meeting</dt><dd>").Append(Encoded(6)).Append("</dd>");
            if (!reader.IsDBNull(9))
            {
                html.Append("<dt>Votes</dt><dd>For ").Append(reader.GetInt32(9)).Append(", against ").Append(reader.GetInt32(10))
                    .Append(", abstained ").Append(reader.GetInt32(11)).Append("</dd>");
            }

            html.Append("<dt>Meeting date</dt><dd><time datetime=\"").Append(Encoded(8)).Append("\">").Append(Encoded(7)).Append("</time></dd><dt>Published</dt><dd>")
                .Append(Display.DateTime(reader.GetFieldValue<DateTimeOffset>(12))).Append("</dd></dl><h2>How each member voted</h2><table><tbody>");
            using (var votes = JsonDocument.Parse(reader.GetString(16)))
            {
                foreach (var vote in votes.RootElement.EnumerateArray())
                {
                    html.Append("<tr><td>").Append(WebUtility.HtmlEncode(vote.GetProperty("Member").GetString())).Append("</td><td>")
                        .Append(WebUtility.HtmlEncode(vote.GetProperty("Vote").GetString()))
                        .Append(vote.TryGetProperty("IsCastingVote", out var casting) && casting.GetBoolean() ? " (the chair's casting vote)" : "").Append("</td></tr>");
                }
            }

            html.Append("</tbody></table><h2>Declared interests</h2><table><tbody>");
            using (var declarations = JsonDocument.Parse(reader.GetString(17)))
            {
                foreach (var declaration in declarations.RootElement.EnumerateArray())
                {
                    html.Append("<tr><td>").Append(WebUtility.HtmlEncode(declaration.GetProperty("Member").GetString())).Append("</td><td>")
                        .Append(WebUtility.HtmlEncode(declaration.GetProperty("Interest").GetString())).Append("</td><td>")
                        .Append(WebUtility.HtmlEncode(declaration.GetProperty("Management").GetString())).Append("</td></tr>");
                }
            }

            html.Append("</tbody></table><p>Entry ").Append(number).Append(" of the register's hash chain. Its hash is <code>").Append(Encoded(13))
                .Append("</code>, following <code>").Append(Encoded(14)).Append("</code>.</p></body></html>");
            return Results.Content(html.ToString(), "text/html; charset=utf-8");
        }).AllowAnonymous();
    }
}
