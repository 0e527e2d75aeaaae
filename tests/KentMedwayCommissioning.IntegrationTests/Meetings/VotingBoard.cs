using KentMedwayCommissioning.TestSupport;
using KentMedwayCommissioning.Web.Domain;
using KentMedwayCommissioning.Web.Domain.Meetings;

namespace KentMedwayCommissioning.IntegrationTests.Meetings;

/// <summary>A test body whose meeting is in progress with everyone present and one item's vote open.</summary>
public sealed record VotingBoard(int BodyId, int MeetingId, int ItemId, int ItemNumber, IReadOnlyList<int> Voters, int ChairId, int NonVoterId, int AbsentId)
{
    public static async Task<VotingBoard> CreateAsync(TestApp app, int voters, string name = "Voting Test Board", bool openVote = true)
    {
        return await app.QueryDbAsync(async db =>
        {
            var body = new Body(name, BodyKind.JointCommittee);
            db.Bodies.Add(body);
            var people = Enumerable.Range(1, voters + 2).Select(number => new Person($"{name} Member {number}", isFictional: true)).ToList();
            db.People.AddRange(people);
            for (var index = 0; index < voters; index++)
            {
                var (role, background) = index switch
                {
                    0 => (MemberRole.Chair, MemberBackground.Clinical),
                    1 => (MemberRole.LayMember, MemberBackground.Lay),
                    _ => (MemberRole.GpMember, MemberBackground.Clinical),
                };
                db.Memberships.Add(new Membership(body, people[index], role, background, hasVote: true, from: null));
            }

            var nonVoter = people[voters];
            var absent = people[voters + 1];
            db.Memberships.Add(new Membership(body, nonVoter, MemberRole.OfficerInAttendance, MemberBackground.Officer, hasVote: false, from: null));
            db.Memberships.Add(new Membership(body, absent, MemberRole.GpMember, MemberBackground.Clinical, hasVote: true, from: null));
            await db.SaveChangesAsync();

            var now = DateTimeOffset.UtcNow;
            var meeting = new Meeting(body.Id, $"{name} meeting", now, "Test room");
            var item = meeting.AddItem("Test proposal", AgendaItemKind.ForDecision, MeetingPart.Public, "That the board agrees.");
            meeting.Start();
            foreach (var person in people.Take(voters).Append(nonVoter))
            {
                meeting.RecordAttendance(person.Id, AttendanceStatus.Present, now);
            }

            meeting.RecordAttendance(absent.Id, AttendanceStatus.Apologies, now);
            if (openVote)
            {
                item.OpenVote(new QuorumAssessment(true, voters + 1, voters, voters, 1, []), now);
            }

            db.Meetings.Add(meeting);
            await db.SaveChangesAsync();
            return new VotingBoard(body.Id, meeting.Id, item.Id, item.Number, people.Take(voters).Select(person => person.Id).ToList(), people[0].Id, nonVoter.Id, absent.Id);
        });
    }
}
