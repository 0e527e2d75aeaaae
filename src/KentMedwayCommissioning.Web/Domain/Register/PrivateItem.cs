namespace KentMedwayCommissioning.Web.Domain.Register;

/// <summary>
/// How the register publishes an item taken in a meeting's private part: an ordinary entry that says only that an item
/// was considered in private, with no title, question, votes, declarations or explanation of its own. These words are
/// hashed into the entry, so they never change.
/// </summary>
public static class PrivateItem
{
    public const string Title = "An item was considered in private";

    public const string Outcome = "Considered in private";

    public const string Explanation = "The item was taken in the private part of the meeting; its detail is not published.";

    public static bool IsPlaceholder(PublishedDecision entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.Outcome == Outcome && entry.ItemTitle == Title;
    }
}
