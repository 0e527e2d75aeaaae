using System.Text.Json;
using KentMedwayCommissioning.TestSupport;
using KentMedwayCommissioning.Web.Data;
using KentMedwayCommissioning.Web.Domain;
using KentMedwayCommissioning.Web.Domain.Register;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KentMedwayCommissioning.IntegrationTests.People;

/// <summary>
/// Entries published before person ids were stored name their members only, by the names they had then: a person's
/// public record finds them by the person's current name and by every former one, and never by someone else's.
/// </summary>
public sealed class PublishedBeforePersonIdsTests
{
    [Fact]
    public async Task A_person_s_record_counts_entries_that_name_them_by_a_current_or_former_name()
    {
        var connectionString = await PostgresServer.CreateDatabaseAsync("names");
        try
        {
            await using var factory = TestApp.CreateFactory(connectionString);
            var recordedAt = DateTimeOffset.Parse("2019-03-01T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
            await using (var scope = factory.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                await db.Database.MigrateAsync();
                var person = new Person("Dr Jane Newname");
                db.People.Add(person);
                db.People.Add(new Person("Someone Else"));
                db.PersonChanges.Add(new PersonChange(person, "Name changed to Dr Jane Newname", "Dr Jane Oldname", new DateOnly(2019, 1, 1), "Marriage", recordedAt));

                // Entries of the older kind: no person ids. The first names her by her former name, the second by her
                // current one (a declaration), the third names only someone else.
                var previous = PublishedDecision.GenesisHash;
                PublishedDecision Entry(long sequence, PublishedVote[] votes, PublishedDeclaration[] declarations)
                {
                    var entry = new PublishedDecision(
                        sequence, "Test CCG", "test-ccg", 0, "Governing body", "1 February 2018", $"Item {sequence}", null, "Carried", "Agreed.",
                        votes.Length, 0, 0, votes, declarations, recordedAt, null, previous);
                    previous = entry.Hash;
                    return entry;
                }

                db.PublishedDecisions.AddRange(
                    Entry(1, [new PublishedVote("Dr Jane Oldname", "For"), new PublishedVote("Someone Else", "For")], []),
                    Entry(2, [new PublishedVote("Someone Else", "For")], [new PublishedDeclaration("Dr Jane Newname", "Governor of a school", "Withdrew from the discussion and the vote")]),
                    Entry(3, [new PublishedVote("Someone Else", "Against"), new PublishedVote("Dr Jane Oldname-Smith", "For")], []));
                await db.SaveChangesAsync();
            }

            var client = factory.CreateClient();
            using var record = JsonDocument.Parse(await client.GetStringAsync("/api/v1/people/dr-jane-newname/record"));

            var entries = record.RootElement.GetProperty("vote_events").EnumerateArray().Select(voteEvent => voteEvent.GetProperty("id").GetString()).ToList();
            Assert.Equal(["/decisions/2", "/decisions/1"], entries);
        }
        finally
        {
            await PostgresServer.DropDatabaseAsync(connectionString);
        }
    }
}
