using System.Net;
using System.Text;
using KentMedwayCommissioning.Bench.Seeding;
using KentMedwayCommissioning.TestSupport;
using KentMedwayCommissioning.Web.Data;
using KentMedwayCommissioning.Web.Domain.Meetings;
using KentMedwayCommissioning.Web.Domain.Register;
using KentMedwayCommissioning.Web.Infrastructure;
using KentMedwayCommissioning.Web.Pages.Decisions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace KentMedwayCommissioning.IntegrationTests.Bench;

/// <summary>
/// The raw baselines (Pages/Decisions/RegisterBaseline) are hand-written second implementations of the register page and
/// a decision's page; the benchmark's ratios mean something only while they write the same bytes as those pages do for
/// an anonymous visitor with the output cache off. Nothing on these pages differs from one request to the next (no CSP
/// nonce, no antiforgery token for an anonymous visitor), so the bodies are compared whole, with nothing normalised.
/// </summary>
public sealed class BaselineHtmlTests
{
    [Fact]
    public async Task The_raw_baselines_write_byte_for_byte_the_html_of_the_register_and_of_every_kind_of_decision_page()
    {
        var connectionString = await PostgresServer.CreateDatabaseAsync("samehtml");
        try
        {
            await using (var db = Db(connectionString))
            {
                await db.Database.MigrateAsync();
            }

            // An empty register first: no rows, no bodies in the filter, the genesis hash at the head.
            foreach (var environment in Environments)
            {
                await using var empty = App(connectionString, environment);
                await AssertSameAsync(empty.CreateClient(), "/decisions", RegisterBaseline.Path, environment);
            }

            // The bench's register (votes carried and not, items deferred or noted), then an entry of every other kind.
            await BenchSeeder.SeedAsync(connectionString, BenchScale.Tiny(30), TextWriter.Null, CancellationToken.None);
            var head = await AppendEntriesOfEveryKindAsync(connectionString);

            foreach (var environment in Environments)
            {
                await using var app = App(connectionString, environment);
                var client = app.CreateClient();
                await AssertSameAsync(client, "/decisions", RegisterBaseline.Path, environment);
                for (var sequence = 1L; sequence <= head; sequence++)
                {
                    await AssertSameAsync(client, $"/decisions/{sequence}", $"/bench/decisions/{sequence}", environment);
                }

                await AssertSameAsync(client, $"/decisions/{head + 1}", $"/bench/decisions/{head + 1}", environment, HttpStatusCode.NotFound);
            }
        }
        finally
        {
            await PostgresServer.DropDatabaseAsync(connectionString);
        }
    }

    /// <summary>The bench runs in Production; the layout's footer differs in Development, where demo data is loaded.</summary>
    private static readonly string[] Environments = ["Production", "Development"];

    /// <summary>
    /// Appends, after the bench's entries, a decision with a question, named votes, the chair's casting vote and declared
    /// interests, in words that must be encoded; entries dated to the day, the month and the year, and one from before
    /// the ISO date was kept; a private item's placeholder; and a correction of a bench entry that is itself corrected.
    /// The first also renames a bench body, as the register's filter lists each body by its latest entry's name.
    /// </summary>
    private static async Task<long> AppendEntriesOfEveryKindAsync(string connectionString)
    {
        await using var db = Db(connectionString);
        var last = await db.PublishedDecisions.OrderByDescending(decision => decision.Sequence).FirstAsync();
        var (sequence, previousHash) = (last.Sequence, last.Hash);
        var renamed = BenchPlan.BodySlug(1);
        var meeting = new DateTimeOffset(2018, 2, 5, 14, 0, 0, TimeSpan.Zero);

        void Append(
            string bodyName, string bodySlug, string itemTitle, string? question, string outcome, string explanation, (int For, int Against, int Abstained)? counts,
            PublishedVote[] votes, PublishedDeclaration[] declarations, string meetingDate, string? meetingDateIso, long? corrects = null)
        {
            var entry = new PublishedDecision(
                ++sequence, bodyName, bodySlug, 1, "Governing body meeting <in public> & “open”", meetingDate, itemTitle, question, outcome, explanation,
                counts?.For, counts?.Against, counts?.Abstained, votes, declarations, meeting.AddDays(sequence).AddHours(sequence), corrects, previousHash, meetingDateIso);
            db.PublishedDecisions.Add(entry);
            previousHash = entry.Hash;
        }

        Append(
            "Ashford & Canterbury – “Joint” Committee", renamed, "Café services: O'Brien's <b>proposal</b> + more", "Does the committee agree that 5 > 3 & \"yes\"?",
            "Carried", "Carried on the chair's casting vote – see the minutes.", (2, 2, 1),
            [new("Dr Zoë O'Brien", "For", IsCastingVote: true, PersonId: 3), new("Ann Smith", "For"), new("Bob & Co", "Against"), new("Émile Zola", "Against"), new("Jo <Lay>", "Abstain")],
            [new("Dr Zoë O'Brien", "Partner in a GP practice <bidding> & co", "Withdrew from the discussion and the vote – left the room", 3), new("Ann Smith", "None", "Took part")],
            PublishedDecision.MeetingDateOf(meeting), "2018-02-05T14:00:00Z");
        Append(BenchPlan.BodyName(2), BenchPlan.BodySlug(2), "Dated to the day", null, "Deferred", "Deferred.", null, [], [], PublishedDecision.MeetingDateOf(meeting, MeetingDatePrecision.Day), "2018-02-05");
        Append(BenchPlan.BodyName(2), BenchPlan.BodySlug(2), "Dated to the month", "Agreed by a show of hands?", "Noted", "Noted.", (0, 0, 0), [], [], PublishedDecision.MeetingDateOf(meeting, MeetingDatePrecision.Month), "2018-02");
        Append(BenchPlan.BodyName(3), BenchPlan.BodySlug(3), "Dated to the year", null, "Declined", "Declined.", null, [], [], "January or February 2018 (the papers do not give the date)", "2018");
        Append(BenchPlan.BodyName(3), BenchPlan.BodySlug(3), "Published before ISO dates were kept", null, "Inquorate", "Inquorate.", null, [], [], "Spring 2018", null);
        Append(BenchPlan.BodyName(3), BenchPlan.BodySlug(3), PrivateItem.Title, null, PrivateItem.Outcome, PrivateItem.Explanation, null, [], [], PublishedDecision.MeetingDateOf(meeting), "2018-02-05T14:00:00Z");
        Append(BenchPlan.BodyName(2), BenchPlan.BodySlug(2), "A correction", "Does it agree?", "Not carried", "Corrected: not carried.", (1, 3, 0), [new("Ann Smith", "Against")], [], "Monday 5 February 2018", "2018-02-05", corrects: 17);
        var correction = sequence;
        Append(BenchPlan.BodyName(2), BenchPlan.BodySlug(2), "A correction of the correction", "Does it agree?", "Carried", "Corrected again.", (3, 1, 0), [new("Ann Smith", "For")], [], "Monday 5 February 2018", "2018-02-05", corrects: correction);
        await db.SaveChangesAsync();
        return sequence;
    }

    private static async Task AssertSameAsync(HttpClient client, string page, string baseline, string environment, HttpStatusCode status = HttpStatusCode.OK)
    {
        using var pageAnswer = await client.GetAsync(page);
        using var baselineAnswer = await client.GetAsync(baseline);
        Assert.Equal(status, pageAnswer.StatusCode);
        Assert.Equal(status, baselineAnswer.StatusCode);
        var expected = await pageAnswer.Content.ReadAsByteArrayAsync();
        var actual = await baselineAnswer.Content.ReadAsByteArrayAsync();
        var at = expected.AsSpan().CommonPrefixLength(actual);
        if (at == expected.Length && at == actual.Length)
        {
            return;
        }

        Assert.Fail($"""
            In {environment}, {baseline} ({actual.Length} bytes) differs from {page} ({expected.Length} bytes) from byte {at}.
            The page:     {Around(expected, at)}
            The baseline: {Around(actual, at)}
            """);
    }

    /// <summary>Some context either side of a position, on one line.</summary>
    private static string Around(byte[] html, int at)
    {
        var start = Math.Max(0, at - 80);
        var text = Encoding.UTF8.GetString(html, start, Math.Min(html.Length, at + 80) - start);
        return text.Replace("\n", "\\n", StringComparison.Ordinal);
    }

    private static AppDbContext Db(string connectionString) =>
        new((DbContextOptions<AppDbContext>)AppDbContext.Configure(new DbContextOptionsBuilder<AppDbContext>(), connectionString).Options);

    private static WebApplicationFactory<Program> App(string connectionString, string environment) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
        {
            host.UseEnvironment(environment);
            host.UseSetting("ConnectionStrings:Default", connectionString);
            host.UseSetting("DatabaseStartup:ApplyMigrations", "false");
            host.UseSetting("DatabaseStartup:LoadDemoData", "false");
            host.UseSetting("RateLimiting:Enabled", "false");
            host.UseSetting(RequestPipeline.OutputCacheSwitch, "false");
            host.UseSetting(RegisterBaseline.Switch, "true");
        });
}
