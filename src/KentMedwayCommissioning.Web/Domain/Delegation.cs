using System.Globalization;

namespace KentMedwayCommissioning.Web.Domain;

/// <summary>
/// A commissioning function that a member body delegates to a joint committee it sits on, for a period, with the
/// published decision that authorised it when there is one. Ending a delegation keeps it, with its last day.
/// </summary>
public sealed class Delegation : IDated
{
    private Delegation()
    {
    }

    public Delegation(int committeeId, int memberBodyId, int functionId, DateOnly from, long? authorisedBySequence)
    {
        CommitteeId = committeeId;
        MemberBodyId = memberBodyId;
        FunctionId = functionId;
        From = from;
        AuthorisedBySequence = authorisedBySequence;
    }

    public int Id { get; private set; }
    public int CommitteeId { get; private set; }
    public int MemberBodyId { get; private set; }

    /// <summary>The function, from the programme's list of commissioning functions (<c>FunctionAllocation</c>).</summary>
    public int FunctionId { get; private set; }

    public DateOnly? From { get; private set; }
    public DateOnly? To { get; private set; }

    /// <summary>The published decision (<c>/decisions/{n}</c>) that authorised the delegation, when there is one.</summary>
    public long? AuthorisedBySequence { get; private set; }

    /// <summary>
    /// Why <paramref name="memberName"/> cannot delegate a function from <paramref name="from"/>: it is not a member of
    /// the committee on that day, or it already delegates the same function over a period that includes that day or later.
    /// </summary>
    public static string? WhyNotDelegate(string memberName, IEnumerable<IDated> memberships, IEnumerable<IDated> sameFunction, DateOnly from)
    {
        if (!memberships.Any(membership => Dated.Covers(membership.From, membership.To, from)))
        {
            return $"{memberName} is not a member of the committee on {Day(from)}";
        }

        return sameFunction.FirstOrDefault(existing => Dated.Overlap(existing.From, existing.To, from, null)) is { } clash
            ? $"{memberName} already delegates this function from {Day(clash.From!.Value)}{(clash.To is { } to ? $" to {Day(to)}" : "")}: end that delegation first, or start after its last day"
            : null;
    }

    public string? WhyNotEnd(DateOnly lastDay)
    {
        if (To is { } ended)
        {
            return $"This delegation has already ended (its last day was {Day(ended)})";
        }

        return lastDay < From ? $"The last day cannot be before the delegation began ({Day(From!.Value)})" : null;
    }

    public void End(DateOnly lastDay)
    {
        if (WhyNotEnd(lastDay) is { } refusal)
        {
            throw new ArgumentException(refusal, nameof(lastDay));
        }

        To = lastDay;
    }

    private static string Day(DateOnly day) => day.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
}
