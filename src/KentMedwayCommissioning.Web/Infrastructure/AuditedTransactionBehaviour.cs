using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using KentMedwayCommissioning.Web.Data;
using KentMedwayCommissioning.Web.Domain.Audit;
using Mediator;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;

namespace KentMedwayCommissioning.Web.Infrastructure;

/// <summary>
/// A command whose handler writes its own audit row, in the command's transaction, to an append-only table that says
/// who, when, what and from what (a vote's <c>vote_events</c> row: the account, the time, the choice, and whether it was
/// cast or changed from the member's previous event), so no audit document is serialised for it. Only a command that
/// writes through raw SQL may say so: if its handler changed rows through EF Core, it is audited as every other command.
/// </summary>
public interface ISelfAuditedCommand;

/// <summary>
/// A self-audited command whose handler sends its writes, its audit row among them, as one batch that PostgreSQL runs
/// as one implicit transaction (a vote: lock the item, then write the vote and its event), so no explicit transaction
/// is opened around it and it costs one round trip instead of three. Its handler must not change EF Core entities.
/// </summary>
public interface IOneRoundTripCommand : ISelfAuditedCommand;

/// <summary>
/// Runs every command in one database transaction, under EF Core's retrying execution strategy, and writes its
/// audit entry in that same transaction: either the change and its entry are both committed, or neither is.
/// A transient failure (a dropped connection, a failover) reruns the whole command, so handlers take their locks
/// and make their writes inside this transaction and never open their own. A one-round-trip command
/// (<see cref="IOneRoundTripCommand"/>) gets no explicit transaction: its batch is PostgreSQL's implicit one.
/// Constrained to commands, so a query never meets it (nor rents a primary context for it).
/// </summary>
public sealed class AuditedTransactionBehaviour<TMessage, TResponse>(AppDbContext db, CurrentUser user, TimeProvider clock)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IBaseCommand
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            // Already inside a unit of work (the demo data load, say): join it.
            return await RunAndAuditAsync(message, next, cancellationToken);
        }

        if (message is IOneRoundTripCommand)
        {
            return await db.Database.CreateExecutionStrategy().ExecuteAsync(
                message,
                async (_, command, token) =>
                {
                    var response = await next(command, token);
                    return db.ChangeTracker.HasChanges()
                        ? throw new InvalidOperationException($"{typeof(TMessage).Name} changed entities, which a one-round-trip command may not: nothing would audit or save them.")
                        : response;
                },
                verifySucceeded: null,
                cancellationToken);
        }

        var attempts = 0;
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(
            message,
            async (_, command, token) =>
            {
                if (attempts++ > 0)
                {
                    // What the failed attempt loaded or changed is stale: start again from the database.
                    db.ChangeTracker.Clear();
                }

                await using var transaction = await db.Database.BeginTransactionAsync(token);
                var response = await RunAndAuditAsync(command, next, token);
                await transaction.CommitAsync(token);
                return response;
            },
            verifySucceeded: null,
            cancellationToken);
    }

    private async ValueTask<TResponse> RunAndAuditAsync(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var changes = new List<RowChange>();
        void Record(object? sender, SavingChangesEventArgs e) => changes.AddRange(RowChange.Pending(db.ChangeTracker));

        db.SavingChanges += Record;
        TResponse response;
        try
        {
            response = await next(message, cancellationToken);
        }
        finally
        {
            // The context is pooled: the handler must not outlive this command.
            db.SavingChanges -= Record;
        }

        if (message is ISelfAuditedCommand && changes.Count == 0 && !db.ChangeTracker.HasChanges())
        {
            return response;
        }

        db.AuditEntries.Add(new AuditEntry(
            clock.GetUtcNow(),
            user.UserId,
            user.IsSignedIn ? user.Name : "(anonymous)",
            AuditJson.CommandName(typeof(TMessage)),
            JsonSerializer.Serialize(message, AuditJson.Options),
            response is null or Unit ? null : JsonSerializer.Serialize(response, AuditJson.Options),
            JsonSerializer.Serialize(changes, AuditJson.Options)));
        await db.SaveChangesAsync(cancellationToken);
        return response;
    }
}

/// <summary>A row a command changed: its table, key, and the values before and after (secrets only marked as changed).</summary>
public sealed record RowChange(string Table, string State, IReadOnlyDictionary<string, object?> Key, IReadOnlyDictionary<string, object?>? Before, IReadOnlyDictionary<string, object?>? After)
{
    /// <summary>
    /// Secrets in types we do not own (Identity's, data protection's), named by their declaring type as well as their
    /// name: an ordinary column that shares a name (a gift's Value) is never hidden. Our own secrets carry
    /// <see cref="AuditRedactedAttribute"/>.
    /// </summary>
    private static readonly HashSet<(Type DeclaringType, string Name)> ForeignSecrets =
    [
        (typeof(IdentityUser<string>), nameof(IdentityUser.PasswordHash)),
        (typeof(IdentityUser<string>), nameof(IdentityUser.SecurityStamp)),
        (typeof(IdentityUser<string>), nameof(IdentityUser.ConcurrencyStamp)),
        (typeof(IdentityUserToken<string>), nameof(IdentityUserToken<string>.Value)),
        (typeof(DataProtectionKey), nameof(DataProtectionKey.Xml)),
    ];

    private const string ChangedSecret = "(changed)";

    public static IEnumerable<RowChange> Pending(ChangeTracker tracker) =>
        tracker.Entries()
            .Where(entry => entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(Of)
            .ToList();

    private static RowChange Of(EntityEntry entry)
    {
        var table = entry.Metadata.GetTableName() ?? entry.Metadata.DisplayName();
        var key = entry.Properties.Where(property => property.Metadata.IsPrimaryKey())
            .ToDictionary(property => property.Metadata.Name, property => property.CurrentValue);
        return entry.State switch
        {
            EntityState.Added => new RowChange(table, "Added", key, null, Values(entry.Properties, property => property.CurrentValue)),
            EntityState.Deleted => new RowChange(table, "Deleted", key, Values(entry.Properties, property => property.OriginalValue), null),
            _ => new RowChange(
                table, "Modified", key,
                Values(entry.Properties.Where(property => property.IsModified), property => property.OriginalValue),
                Values(entry.Properties.Where(property => property.IsModified), property => property.CurrentValue)),
        };
    }

    private static Dictionary<string, object?> Values(IEnumerable<PropertyEntry> properties, Func<PropertyEntry, object?> value) =>
        properties.ToDictionary(
            property => property.Metadata.Name,
            property => IsSecret(property.Metadata) ? ChangedSecret : value(property));

    /// <summary>An audit log must show that a secret changed, never what it is.</summary>
    private static bool IsSecret(IProperty property) =>
        property.PropertyInfo is { DeclaringType: { } declaringType } member
        && (member.IsDefined(typeof(AuditRedactedAttribute), inherit: true) || ForeignSecrets.Contains((declaringType, member.Name)));
}

/// <summary>How commands and their answers are written into the audit log.</summary>
public static class AuditJson
{
    private const string PagesNamespace = "KentMedwayCommissioning.Web.Pages.";

    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        // Owned JSON columns and navigations can refer back to their owner.
        ReferenceHandler = ReferenceHandler.IgnoreCycles,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { LeaveOutRedacted } },
    };

    /// <summary>
    /// "Meetings.CastVote" for <c>Pages.Meetings.CastVote.Command</c>, "Account.SignIn" for <c>Pages.Account.SignInModel.Command</c>;
    /// other command types keep their own name.
    /// </summary>
    public static string CommandName(Type command)
    {
        var name = (command.FullName ?? command.Name).Replace('+', '.');
        name = name.StartsWith(PagesNamespace, StringComparison.Ordinal) ? name[PagesNamespace.Length..] : name;
        name = name.Replace("Model.", ".", StringComparison.Ordinal);
        return name.EndsWith(".Command", StringComparison.Ordinal) ? name[..^".Command".Length] : name;
    }

    private static void LeaveOutRedacted(JsonTypeInfo type)
    {
        foreach (var property in type.Properties)
        {
            if (property.AttributeProvider?.IsDefined(typeof(AuditRedactedAttribute), inherit: true) == true)
            {
                property.ShouldSerialize = static (_, _) => false;
            }
        }
    }
}
