using System.Collections.Concurrent;
using KentMedwayCommissioning.Web.Domain.Meetings;

namespace KentMedwayCommissioning.IntegrationTests.Faults;

/// <summary>The votes each member was told were recorded, and waiting on them, so fault tests move on by progress, not by time.</summary>
public static class Acknowledged
{
    public static async Task UntilEveryVoterHasAsync(ConcurrentDictionary<int, List<VoteChoice>> acknowledged, int voters, int votes)
    {
        var deadline = DateTimeOffset.UtcNow.AddMinutes(2);
        while (acknowledged.Count < voters || acknowledged.Values.Any(list => list.Count < votes))
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, $"the members did not each get {votes} votes acknowledged within 2 minutes");
            await Task.Delay(100);
        }
    }
}
