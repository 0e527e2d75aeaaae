using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using KentMedwayCommissioning.Web.Data;
using KentMedwayCommissioning.Web.Domain.Register;
using KentMedwayCommissioning.Web.Pages.Meetings;
using KentMedwayCommissioning.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Npgsql;

namespace KentMedwayCommissioning.Web.Pages.Decisions;

/// <summary>
/// The benchmark's yardsticks, read with raw Npgsql and written with a string builder straight to the response, with no
/// EF Core, Razor, mediator or cache in the way. Each writes byte for byte the HTML that its page writes to an anonymous
/// visitor with the output cache off, layout included (<see cref="BaselineLayout"/>), as TechEmpower's Fortunes asks of
/// every contender: <c>/bench/baseline</c> the register's first page, <c>/decisions</c> (its newest 25 entries with
/// their corrections and the chain head in one statement, the filter form's bodies read as the page reads them), and
/// <c>/bench/decisions/{sequence}</c> a decision's page, <c>/decisions/{sequence}</c> (the entry and the entry that
/// corrects it in one statement). IntegrationTests/Bench/BaselineHtmlTests holds them to that. scripts/bench.sh reports
/// the app's pages as ratios to them, measured in the same run. They exist only when the configuration switches them on
/// (<c>Benchmark__Baseline=true</c>, set by bench.sh); no deployment maps them. The raw vote is in Meetings/CastVoteBaseline.
/// </summary>
public static class RegisterBaseline
{
    public const string Switch = "Benchmark:Baseline";
    public const string Path = "/bench/baseline";

    /// <summary>One row more than a page, to know whether there is an older page; the newest row is the chain's head.</summary>
    private const string Sql =
        """
        SELECT d.sequence, d.body_name, d.item_title, d.outcome, d.meeting_date, d.corrects_sequence, d.hash,
               (SELECT min(c.sequence) FROM published_decisions c WHERE c.corrects_sequence = d.sequence)
        FROM published_decisions d ORDER BY d.sequence DESC LIMIT 26
        """;

    /// <summary>The bodies that have published, by the name of their latest entry, as the register's filter lists them.</summary>
    private const string BodiesSql =
        """
        SELECT name, slug FROM (
            SELECT (SELECT d.body_name FROM published_decisions d WHERE d.body_slug = b.slug ORDER BY d.sequence DESC LIMIT 1) AS name, b.slug
            FROM bodies b) AS published
        WHERE name IS NOT NULL ORDER BY name
        """;

    public const string DecisionPath = "/bench/decisions/{sequence:long}";

    private const string DecisionSql =
        """
        SELECT d.body_name, d.body_slug, d.item_title, d.question, d.outcome, d.explanation, d.meeting_title, d.meeting_date,
               d.meeting_date_iso, d.votes_for, d.votes_against, d.abstentions, d.published_at, d.hash, d.previous_hash,
               d.corrects_sequence, d.votes::text, d.declarations::text,
               (SELECT c.sequence FROM published_decisions c WHERE c.corrects_sequence = d.sequence LIMIT 1)
        FROM published_decisions d WHERE d.sequence = $1
        """;

    private const int PageSize = 25;

    /// <summary>The register page from its heading to the options of the body filter.</summary>
    private const string RegisterFormStart =
        """
        <h1>Register of decisions</h1>
        <p class="nhsuk-lede-text">What the bodies decided, by whom and with what interests declared. A published decision is never changed: a correction is a new entry that points to the one it corrects.</p>

        <form method="get" action="/decisions" class="nhsuk-u-margin-bottom-5" role="search">
            <div class="nhsuk-form-group">
            <label class="nhsuk-label" for="q">Search the decisions</label>
            <div class="nhsuk-hint" id="q-hint">For example: strategic commissioner</div>
            <input class="nhsuk-input" id="q" name="q" type="search" aria-describedby="q-hint" spellcheck="false">
        </div>

            <div class="nhsuk-form-group">
                <label class="nhsuk-label" for="body">Body</label>
                <select class="nhsuk-select" id="body" name="body">
                    <option value="">All bodies</option>
        """;

    /// <summary>The rest of the filter form, after the bodies.</summary>
    private const string RegisterFormEnd =
        """
                </select>
            </div>
            <div class="nhsuk-form-group">
                <label class="nhsuk-label" for="outcome">Outcome</label>
                <select class="nhsuk-select" id="outcome" name="outcome">
                    <option value="">Any outcome</option>
                        <option value="Carried">Carried</option>
                        <option value="Not carried">Not carried</option>
                        <option value="Deferred">Deferred</option>
                        <option value="Declined">Declined</option>
                        <option value="Noted">Noted</option>
                        <option value="Inquorate">Inquorate</option>
                </select>
            </div>
            <div class="nhsuk-form-group">
            <label class="nhsuk-label" for="from">Published from (optional)</label>
            <input class="nhsuk-input" id="from" name="from" type="date" spellcheck="false">
        </div>

            <div class="nhsuk-form-group">
            <label class="nhsuk-label" for="to">Published to (optional)</label>
            <input class="nhsuk-input" id="to" name="to" type="date" spellcheck="false">
        </div>

            <button class="nhsuk-button" type="submit">Search</button>
        </form>
        """;

    private const string BackLink = "    <a class=\"nhsuk-back-link\" href=\"/decisions\"><span class=\"nhsuk-u-visually-hidden\">Back to the </span>Register of decisions</a>\n\n";

    private const string TableCell = "<td role=\"cell\" class=\"nhsuk-table__cell\"><span class=\"nhsuk-table-responsive__heading\" aria-hidden=\"true\">";

    public static void MapRegisterBaseline(this WebApplication app)
    {
        if (!app.Configuration.GetValue<bool>(Switch))
        {
            return;
        }

        // The same connection settings as the app's (automatic preparation included), so the ratios compare the code alone.
        var dataSource = NpgsqlDataSource.Create(AppDbContext.WithPoolSettings(app.Configuration.GetConnectionString("Default")!));
        app.Lifetime.ApplicationStopped.Register(dataSource.Dispose);
        app.MapCastVoteBaseline(dataSource);
        var encoder = app.Services.GetRequiredService<HtmlEncoder>();
        var layout = new BaselineLayout(app.Services.GetRequiredService<IFileVersionProvider>(), encoder, app.Environment.IsDevelopment());
        // The baseline's own copy of the bodies, kept for the chain head they were read at, as the page keeps its own.
        var publishedBodies = new RegisterCache.PublishedBodies();

        app.MapGet(Path, async (HttpContext http, CancellationToken cancellationToken) =>
        {
            var html = new StringBuilder(8000);
            layout.AppendTop(html, http.Request, "Register of decisions", "/decisions/feed.atom", "");
            var rows = new StringBuilder(8000);
            var (count, head, headHash, lastShown) = (0, 0L, PublishedDecision.GenesisHash, 0L);
            await using (var command = dataSource.CreateCommand(Sql))
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken) && ++count <= PageSize)
                {
                    lastShown = reader.GetInt64(0);
                    if (count == 1)
                    {
                        (head, headHash) = (lastShown, reader.GetString(6));
                    }

                    AppendRow(rows, encoder, reader);
                }
            }

            html.Append(RegisterFormStart).Append('\n');
            foreach (var (name, slug) in await publishedBodies.GetAsync(head, token => BodiesAsync(dataSource, token), cancellationToken))
            {
                html.Append("                <option value=\"").Append(encoder.Encode(slug)).Append("\">").Append(encoder.Encode(name)).Append("</option>\n");
            }

            html.Append(RegisterFormEnd).Append("\n\n");
            if (count == 0)
            {
                html.Append("    <p>No published decisions match.</p>\n");
            }
            else
            {
                html.Append("    <ul class=\"nhsuk-list nhsuk-list--border\" id=\"decisions\">\n").Append(rows).Append("    </ul>\n");
                if (count > PageSize)
                {
                    html.Append("        <nav class=\"nhsuk-pagination\" role=\"navigation\" aria-label=\"Pagination\">\n")
                        .Append("            <ul class=\"nhsuk-list nhsuk-pagination__list\">\n")
                        .Append("                <li class=\"nhsuk-pagination-item--next\">\n")
                        .Append("                    <a class=\"nhsuk-pagination__link nhsuk-pagination__link--next\" href=\"/decisions?q=&body=&outcome=&from=&to=&before=")
                        .Append(lastShown.ToString(CultureInfo.InvariantCulture)).Append("\">\n")
                        .Append("                        <span class=\"nhsuk-pagination__title\">Older decisions</span>\n")
                        .Append("                    </a>\n                </li>\n            </ul>\n        </nav>\n");
                }
            }

            html.Append("\n<p class=\"nhsuk-body-s kmc-meta\" id=\"chain-head\">\n    ").Append(head.ToString(CultureInfo.InvariantCulture))
                .Append(head == 1 ? " entry" : " entries").Append(" in the register. Head of the hash chain: <code>").Append(encoder.Encode(headHash))
                .Append("</code>.\n    <a href=\"/decisions/verify\">Check the chain</a>. <a href=\"/open-data\">Download or follow the register</a>.\n</p>\n\n");
            layout.AppendBottom(html);
            await BaselineLayout.WriteAsync(http.Response, html, cancellationToken);
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

            var html = new StringBuilder(8000);
            string Encoded(int column) => encoder.Encode(reader.GetString(column));
            var number = sequence.ToString(CultureInfo.InvariantCulture);
            var (itemTitle, outcome) = (reader.GetString(2), reader.GetString(4));
            layout.AppendTop(html, http.Request, $"{reader.GetString(0)}: {itemTitle}", null, BackLink);
            html.Append("<h1><span class=\"nhsuk-caption-l\">Decision ").Append(number).Append(", <a href=\"/bodies/").Append(Encoded(1)).Append("\">")
                .Append(Encoded(0)).Append("</a></span>").Append(encoder.Encode(itemTitle)).Append("</h1>\n\n");
            if (!reader.IsDBNull(18))
            {
                var correction = reader.GetInt64(18).ToString(CultureInfo.InvariantCulture);
                html.Append("    <div class=\"nhsuk-warning-callout\">\n")
                    .Append("        <h2 class=\"nhsuk-warning-callout__label\"><span role=\"text\"><span class=\"nhsuk-u-visually-hidden\">Important: </span>Corrected</span></h2>\n")
                    .Append("        <p>This decision is corrected by <a href=\"/decisions/").Append(correction).Append("\">decision ").Append(correction).Append("</a>.</p>\n")
                    .Append("    </div>\n");
            }

            if (!reader.IsDBNull(15))
            {
                var corrects = reader.GetInt64(15).ToString(CultureInfo.InvariantCulture);
                html.Append("    <p>This entry corrects <a href=\"/decisions/").Append(corrects).Append("\">decision ").Append(corrects).Append("</a>.</p>\n");
            }

            html.Append("\n<dl class=\"nhsuk-summary-list\">\n");
            AppendSummaryRow(html, "    ", "Outcome", $"<strong>{encoder.Encode(outcome)}</strong><br>{Encoded(5)}");
            if (!reader.IsDBNull(3))
            {
                AppendSummaryRow(html, "        ", "Question", Encoded(3));
            }

            AppendSummaryRow(html, "    ", "Meeting", Encoded(6));
            if (!reader.IsDBNull(9))
            {
                AppendSummaryRow(html, "        ", "Votes", string.Create(CultureInfo.InvariantCulture, $"For {reader.GetInt32(9)}, against {reader.GetInt32(10)}, abstained {reader.GetInt32(11)}"));
            }

            html.Append("    <div class=\"nhsuk-summary-list__row\">\n        <dt class=\"nhsuk-summary-list__key\">Meeting date</dt>\n")
                .Append("        <dd class=\"nhsuk-summary-list__value\" id=\"meeting-date\">");
            if (reader.IsDBNull(8))
            {
                html.Append(Encoded(7));
            }
            else
            {
                html.Append("                <time datetime=\"").Append(Encoded(8)).Append("\">").Append(Encoded(7)).Append("</time>\n");
            }

            html.Append("</dd>\n    </div>\n");
            AppendSummaryRow(html, "    ", "Published", encoder.Encode(Display.DateTime(reader.GetFieldValue<DateTimeOffset>(12))));
            html.Append("</dl>\n\n");
            if (outcome == PrivateItem.Outcome && itemTitle == PrivateItem.Title)
            {
                html.Append("    <p>The item was taken in the private part of the meeting, so its named votes and any interests declared in it are not published.</p>\n");
            }
            else
            {
                AppendVotes(html, encoder, reader.GetString(16));
                AppendDeclarations(html, encoder, reader.GetString(17));
            }

            html.Append("\n<p class=\"nhsuk-body-s kmc-meta\" id=\"chain-entry\">Entry ").Append(number).Append(" of the register's hash chain. Its hash is <code>")
                .Append(Encoded(13)).Append("</code>, following <code>").Append(Encoded(14))
                .Append("</code>. <a class=\"kmc-no-print\" href=\"/decisions/verify\">Check the chain</a></p>\n<p class=\"nhsuk-body-s kmc-print-only\">Printed from ")
                .Append(encoder.Encode($"{http.Request.Scheme}://{http.Request.Host}/decisions/{number}"))
                .Append(", the Kent and Medway Commissioning register of decisions. A published decision is never changed; a later correction would be linked from that page.</p>\n\n\n\n");
            layout.AppendBottom(html);
            await BaselineLayout.WriteAsync(http.Response, html, cancellationToken);
            return Results.Empty;
        }).AllowAnonymous();
    }

    private static void AppendRow(StringBuilder rows, HtmlEncoder encoder, NpgsqlDataReader reader)
    {
        var number = reader.GetInt64(0).ToString(CultureInfo.InvariantCulture);
        rows.Append("            <li>\n                <a href=\"/decisions/").Append(number).Append("\">").Append(encoder.Encode(reader.GetString(1)))
            .Append(": ").Append(encoder.Encode(reader.GetString(2))).Append("</a>\n");
        if (!reader.IsDBNull(7))
        {
            rows.Append("                    <strong class=\"nhsuk-tag nhsuk-tag--orange\">Corrected by decision ").Append(reader.GetInt64(7).ToString(CultureInfo.InvariantCulture)).Append("</strong>\n");
        }

        if (!reader.IsDBNull(5))
        {
            rows.Append("                    <strong class=\"nhsuk-tag nhsuk-tag--blue\">Correction of decision ").Append(reader.GetInt64(5).ToString(CultureInfo.InvariantCulture)).Append("</strong>\n");
        }

        rows.Append("                <br><span class=\"nhsuk-body-s kmc-meta\"><strong>").Append(encoder.Encode(reader.GetString(3))).Append("</strong>. ")
            .Append(encoder.Encode(reader.GetString(4))).Append(". Decision ").Append(number).Append(".</span>\n            </li>\n");
    }

    private static async Task<IReadOnlyList<(string Name, string Slug)>> BodiesAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var bodies = new List<(string Name, string Slug)>();
        await using var command = dataSource.CreateCommand(BodiesSql);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            bodies.Add((reader.GetString(0), reader.GetString(1)));
        }

        return bodies;
    }

    /// <summary>A summary list row; the page indents the rows it shows only sometimes one level deeper.</summary>
    private static void AppendSummaryRow(StringBuilder html, string indent, string key, string encodedValue) =>
        html.Append(indent).Append("<div class=\"nhsuk-summary-list__row\">\n")
            .Append(indent).Append("    <dt class=\"nhsuk-summary-list__key\">").Append(key).Append("</dt>\n")
            .Append(indent).Append("    <dd class=\"nhsuk-summary-list__value\">").Append(encodedValue).Append("</dd>\n")
            .Append(indent).Append("</div>\n");

    private static void AppendVotes(StringBuilder html, HtmlEncoder encoder, string json)
    {
        html.Append("    <h2>How each member voted</h2>\n");
        using var votes = JsonDocument.Parse(json);
        if (votes.RootElement.GetArrayLength() == 0)
        {
            html.Append("        <p>No named votes are recorded for this decision.</p>\n");
            return;
        }

        AppendTableStart(html, "Named votes", ["Member", "Vote"]);
        foreach (var vote in votes.RootElement.EnumerateArray())
        {
            html.Append("                    <tr role=\"row\" class=\"nhsuk-table__row\">")
                .Append(TableCell).Append("Member </span>").Append(encoder.Encode(vote.GetProperty(nameof(PublishedVote.Member)).GetString()!)).Append("</td>")
                .Append(TableCell).Append("Vote </span>").Append(encoder.Encode(vote.GetProperty(nameof(PublishedVote.Vote)).GetString()!))
                .Append(vote.TryGetProperty(nameof(PublishedVote.IsCastingVote), out var casting) && casting.GetBoolean() ? " (the chair&#x27;s casting vote)" : "")
                .Append("</td></tr>\n");
        }

        html.Append("            </tbody>\n        </table>\n");
    }

    private static void AppendDeclarations(StringBuilder html, HtmlEncoder encoder, string json)
    {
        html.Append("    <h2>Declared interests</h2>\n");
        using var declarations = JsonDocument.Parse(json);
        if (declarations.RootElement.GetArrayLength() == 0)
        {
            html.Append("        <p>No interests were declared in this item.</p>\n");
            return;
        }

        AppendTableStart(html, "Interests declared and how each was managed", ["Member", "Interest", "How it was managed"]);
        foreach (var declaration in declarations.RootElement.EnumerateArray())
        {
            html.Append("                    <tr role=\"row\" class=\"nhsuk-table__row\">")
                .Append(TableCell).Append("Member </span>").Append(encoder.Encode(declaration.GetProperty(nameof(PublishedDeclaration.Member)).GetString()!)).Append("</td>")
                .Append(TableCell).Append("Interest </span>").Append(encoder.Encode(declaration.GetProperty(nameof(PublishedDeclaration.Interest)).GetString()!)).Append("</td>")
                .Append(TableCell).Append("How it was managed </span>").Append(encoder.Encode(declaration.GetProperty(nameof(PublishedDeclaration.Management)).GetString()!))
                .Append("</td></tr>\n");
        }

        html.Append("            </tbody>\n        </table>\n");
    }

    private static void AppendTableStart(StringBuilder html, string caption, string[] headers)
    {
        html.Append("        <table class=\"nhsuk-table-responsive\" role=\"table\">\n")
            .Append("            <caption class=\"nhsuk-table__caption nhsuk-u-visually-hidden\">").Append(caption).Append("</caption>\n")
            .Append("            <thead class=\"nhsuk-table__head\" role=\"rowgroup\"><tr role=\"row\" class=\"nhsuk-table__row\">");
        foreach (var header in headers)
        {
            html.Append("<th role=\"columnheader\" scope=\"col\" class=\"nhsuk-table__header\">").Append(header).Append("</th>");
        }

        html.Append("</tr></thead>\n            <tbody class=\"nhsuk-table__body\" role=\"rowgroup\">\n");
    }
}
