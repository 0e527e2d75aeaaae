namespace KentMedwayCommissioning.Web.Domain.Audit;

/// <summary>
/// One command that changed data: who sent it, when, what it asked, and the rows it changed (before and after).
/// Written in the same transaction as the change, so there is an entry exactly when the change happened; the
/// database refuses to update or delete it.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; private set; }

    public DateTimeOffset At { get; private set; }

    /// <summary>The account's id, or null for a visitor who was not signed in (a sign-in attempt, say).</summary>
    public string? UserId { get; private set; }

    /// <summary>The account's name (email) as it was at the time, or "(anonymous)".</summary>
    public string Actor { get; private set; } = "";

    /// <summary>The command's name, such as "Meetings.CastVote".</summary>
    public string Command { get; private set; } = "";

    /// <summary>The command as JSON, with secrets (passwords, codes) left out.</summary>
    public string Request { get; private set; } = "{}";

    /// <summary>What it answered, as JSON (an id, an outcome), with secrets left out; null when it answers nothing.</summary>
    public string? Result { get; private set; }

    /// <summary>The rows it changed through the model: for each, its table, key and the values before and after.</summary>
    public string Changes { get; private set; } = "[]";

    private AuditEntry()
    {
    }

    public AuditEntry(DateTimeOffset at, string? userId, string actor, string command, string request, string? result, string changes)
    {
        At = at;
        UserId = userId;
        Actor = actor;
        Command = command;
        Request = request;
        Result = result;
        Changes = changes;
    }
}

/// <summary>Marks a command or entity property whose value must never be written to the audit log (a password, a one-time code).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class AuditRedactedAttribute : Attribute;
