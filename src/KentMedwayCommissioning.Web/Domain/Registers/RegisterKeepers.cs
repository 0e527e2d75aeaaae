namespace KentMedwayCommissioning.Web.Domain.Registers;

/// <summary>Who keeps a person's register of interests and of gifts and hospitality.</summary>
public static class RegisterKeepers
{
    /// <summary>
    /// The person themselves, an administrator, or the board secretary of a body the person sits on today
    /// (<paramref name="bodiesTheySitOn"/>; <paramref name="runsMeetingsOf"/> says whether the user is a body's secretary).
    /// </summary>
    public static bool MayKeep(int personId, int? userPersonId, bool isAdministrator, IEnumerable<int> bodiesTheySitOn, Func<int, bool> runsMeetingsOf) =>
        userPersonId == personId || isAdministrator || bodiesTheySitOn.Any(runsMeetingsOf);
}
