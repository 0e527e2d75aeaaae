using System.Globalization;
using KentMedwayCommissioning.Web.Domain;
using KentMedwayCommissioning.Web.Domain.Meetings;
using KentMedwayCommissioning.Web.Pages.Shared;

namespace KentMedwayCommissioning.Bench.Seeding;

public sealed record PlannedMeeting(int Id, int BodyId, DateTime StartsAt, string Title, string Date);

/// <summary>A decided item with its votes, as (person id, choice) pairs.</summary>
public sealed record PlannedItem(int Id, int MeetingId, int Number, string Title, string Question, Outcome Outcome, (int PersonId, VoteChoice Choice)[] Votes)
{
    public int For => Votes.Count(vote => vote.Choice == VoteChoice.For);
    public int Against => Votes.Count(vote => vote.Choice == VoteChoice.Against);
    public int Abstain => Votes.Count(vote => vote.Choice == VoteChoice.Abstain);
    public bool WasVotedOn => Votes.Length > 0;
}

/// <summary>
/// What the bench register holds at a scale, planned in memory from one seeded random sequence (names, seats, meetings,
/// items and their votes), apart from how <see cref="BenchSeeder"/> writes it.
/// </summary>
public static class BenchPlan
{
    /// <summary>The first planned meeting: also when every planned item was created.</summary>
    public static readonly DateTime FirstMeeting = new(2012, 1, 10, 14, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime LastMeeting = new(2025, 12, 16, 14, 0, 0, DateTimeKind.Utc);

    public static string BodyName(int bodyId) =>
        $"{BenchText.Places[(bodyId - 1) % BenchText.Places.Count]} Commissioning Group {bodyId:000}";

    public static string BodySlug(int bodyId) => Slug.From(BodyName(bodyId));

    public static List<string> Names(BenchScale scale, Random random) =>
        Enumerable.Range(1, scale.Members)
            .Select(_ => $"{BenchText.FirstNames[random.Next(BenchText.FirstNames.Count)]} {BenchText.LastNames[random.Next(BenchText.LastNames.Count)]}")
            .ToList();

    /// <summary>The body members' seats: a chair, two lay members, a nurse and a secondary care doctor, the rest GPs; all vote.</summary>
    public static (MemberRole Role, MemberBackground Background) Seat(int index) => index switch
    {
        0 => (MemberRole.Chair, MemberBackground.Clinical),
        1 or 2 => (MemberRole.LayMember, MemberBackground.Lay),
        3 => (MemberRole.Nurse, MemberBackground.Clinical),
        4 => (MemberRole.SecondaryCareDoctor, MemberBackground.Clinical),
        _ => (MemberRole.GpMember, MemberBackground.Clinical),
    };

    /// <summary>Meetings spread evenly over the years, bodies taking turns.</summary>
    public static List<PlannedMeeting> Meetings(BenchScale scale)
    {
        var step = (LastMeeting - FirstMeeting) / Math.Max(1, scale.Meetings);
        return Enumerable.Range(1, scale.Meetings)
            .Select(id =>
            {
                var startsAt = FirstMeeting + (step * (id - 1));
                startsAt = new DateTime(startsAt.Year, startsAt.Month, startsAt.Day, 14, 0, 0, DateTimeKind.Utc);
                return new PlannedMeeting(id, ((id - 1) % scale.Bodies) + 1, startsAt, $"Governing body meeting, {startsAt.ToString("MMMM yyyy", CultureInfo.InvariantCulture)}", Display.DateTime(startsAt));
            })
            .ToList();
    }

    /// <summary>Most items are voted on by some of the body's members; one in ten is deferred or noted without a vote.</summary>
    public static List<PlannedItem> Items(BenchScale scale, List<PlannedMeeting> meetings, Random random)
    {
        var items = new List<PlannedItem>(scale.Decisions);
        var seats = new int[scale.MembersPerBody];
        for (var id = 1; id <= scale.Decisions; id++)
        {
            var meeting = meetings[(id - 1) / scale.ItemsPerMeeting];
            var topic = BenchText.Topics[random.Next(BenchText.Topics.Count)];
            var title = string.Format(CultureInfo.InvariantCulture, BenchText.Actions[random.Next(BenchText.Actions.Count)], topic);
            var question = $"Does the governing body agree to {char.ToLowerInvariant(title[0])}{title[1..]}, as set out in the paper?";
            var kind = random.Next(20);
            if (kind < 2)
            {
                items.Add(new PlannedItem(id, meeting.Id, ((id - 1) % scale.ItemsPerMeeting) + 1, title, question, kind == 0 ? Outcome.Deferred : Outcome.Noted, []));
                continue;
            }

            var firstPerson = ((meeting.BodyId - 1) * scale.MembersPerBody) + 1;
            for (var seat = 0; seat < seats.Length; seat++)
            {
                seats[seat] = firstPerson + seat;
            }

            random.Shuffle(seats);
            var votes = seats.Take(random.Next(scale.MinVotesPerItem, scale.MaxVotesPerItem + 1))
                .Select(personId => (personId, random.Next(10) switch { < 6 => VoteChoice.For, < 9 => VoteChoice.Against, _ => VoteChoice.Abstain }))
                .ToArray();
            var forVotes = votes.Count(vote => vote.Item2 == VoteChoice.For);
            var against = votes.Count(vote => vote.Item2 == VoteChoice.Against);
            items.Add(new PlannedItem(id, meeting.Id, ((id - 1) % scale.ItemsPerMeeting) + 1, title, question, forVotes > against ? Outcome.Carried : Outcome.NotCarried, votes));
        }

        return items;
    }
}
