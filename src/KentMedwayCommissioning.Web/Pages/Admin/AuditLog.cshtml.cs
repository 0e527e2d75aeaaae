using FluentValidation;
using KentMedwayCommissioning.Web.Data;
using KentMedwayCommissioning.Web.Domain.Audit;
using KentMedwayCommissioning.Web.Domain;
using KentMedwayCommissioning.Web.Domain.Meetings;
using KentMedwayCommissioning.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KentMedwayCommissioning.Web.Pages.Admin;

/// <summary>The audit log for administrators: every command that changed data, newest first, filtered by who, what and when.</summary>
[Authorize(Roles = Roles.Administrator)]
public sealed class AuditLogModel(ISender sender) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public string? Actor { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Command { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    /// <summary>Keyset paging: entries older than this one.</summary>
    [BindProperty(SupportsGet = true)]
    public long? Before { get; set; }

    public Results Log { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var (valid, results) = ModelState.IsValid
            ? await sender.TrySendQueryAsync(new Query(Actor, Command, From, To, Before), ModelState, cancellationToken)
            : (false, null);
        Log = valid ? results! : await sender.Send(new Query(null, null, null, null, null), cancellationToken);
    }

    public string NextPageAddress(long before) =>
        QueryString.Create(new Dictionary<string, string?>
        {
            ["actor"] = Actor,
            ["command"] = Command,
            ["from"] = From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["to"] = To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["before"] = before.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }.Where(pair => !string.IsNullOrEmpty(pair.Value))).ToUriComponent();

    public sealed record Query(string? Actor, string? Command, DateOnly? From, DateOnly? To, long? Before) : IQuery<Results>;

    /// <param name="Votes">The newest votes that match the filters: a vote's vote_events row is its audit entry (CastVote).</param>
    public sealed record Results(IReadOnlyList<AuditEntry> Entries, long? NextBefore, IReadOnlyList<string> Commands, IReadOnlyList<VoteRecord> Votes);

    /// <summary>One vote_events row: who sent it, when, for whom, on which item, and what it recorded.</summary>
    public sealed record VoteRecord(long Id, DateTimeOffset At, string RecordedBy, string Member, int MeetingId, int ItemNumber, string ItemTitle, VoteChoice Choice, VoteEventKind Kind, bool ByShowOfHands);

    /// <summary>The command whose audit entries are its vote_events rows.</summary>
    public const string VoteCommand = "Meetings.CastVote";

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            // PostgreSQL text cannot hold a null character: refuse control characters here, not with a 500 there.
            RuleFor(query => query.Actor).MaximumLength(256).WithMessage("The account must be 256 characters or fewer")
                .Must(actor => actor is null || !actor.Any(char.IsControl)).WithMessage("Enter the account without control characters");
            RuleFor(query => query.Command).MaximumLength(200).WithMessage("The command must be 200 characters or fewer")
                .Must(command => command is null || !command.Any(char.IsControl)).WithMessage("Choose a command from the list");
            RuleFor(query => query.To).GreaterThanOrEqualTo(query => query.From).When(query => query.From is not null && query.To is not null)
                .WithMessage("The end date must be the same as or after the start date");
            RuleFor(query => query.Before).GreaterThan(0).WithMessage("Enter a valid page");
        }
    }

    internal sealed class Handler(AppDbContext db) : IQueryHandler<Query, Results>
    {
        public async ValueTask<Results> Handle(Query query, CancellationToken cancellationToken)
        {
            var entries = db.AuditEntries.AsNoTracking();
            if (!string.IsNullOrWhiteSpace(query.Actor))
            {
                entries = entries.Where(entry => EF.Functions.ILike(entry.Actor, "%" + EscapeLike(query.Actor.Trim()) + "%", "\\"));
            }

            if (!string.IsNullOrWhiteSpace(query.Command))
            {
                entries = entries.Where(entry => entry.Command == query.Command);
            }

            if (query.From is { } from)
            {
                var start = UkCalendar.StartOfDay(from);
                entries = entries.Where(entry => entry.At >= start);
            }

            if (query.To is { } to)
            {
                var end = UkCalendar.EndOfDay(to);
                entries = entries.Where(entry => entry.At < end);
            }

            if (query.Before is { } before)
            {
                entries = entries.Where(entry => entry.Id < before);
            }

            var page = await entries.OrderByDescending(entry => entry.Id).Take(PageSize + 1).ToListAsync(cancellationToken);
            var commands = await db.AuditEntries.Select(entry => entry.Command).Union(new[] { VoteCommand }.AsQueryable()).ToListAsync(cancellationToken);
            var votes = string.IsNullOrWhiteSpace(query.Command) || query.Command == VoteCommand ? await VotesAsync(query, cancellationToken) : [];
            return new Results(page.Take(PageSize).ToList(), page.Count > PageSize ? page[PageSize - 1].Id : null, [.. commands.Order(StringComparer.Ordinal)], votes);
        }

        private async Task<IReadOnlyList<VoteRecord>> VotesAsync(Query query, CancellationToken cancellationToken)
        {
            var events = db.VoteEvents.AsNoTracking();
            if (!string.IsNullOrWhiteSpace(query.Actor))
            {
                events = events.Where(voteEvent => EF.Functions.ILike(voteEvent.RecordedBy, "%" + EscapeLike(query.Actor.Trim()) + "%", "\\"));
            }

            if (query.From is { } from)
            {
                var start = UkCalendar.StartOfDay(from);
                events = events.Where(voteEvent => voteEvent.At >= start);
            }

            if (query.To is { } to)
            {
                var end = UkCalendar.EndOfDay(to);
                events = events.Where(voteEvent => voteEvent.At < end);
            }

            return await events
                .Join(db.AgendaItems, voteEvent => voteEvent.AgendaItemId, item => item.Id, (voteEvent, item) => new { voteEvent, item })
                .OrderByDescending(row => row.voteEvent.Id)
                .Take(PageSize)
                .Select(row => new VoteRecord(
                    row.voteEvent.Id, row.voteEvent.At, row.voteEvent.RecordedBy, row.voteEvent.Person!.FullName, row.item.MeetingId, row.item.Number, row.item.Title,
                    row.voteEvent.Choice, row.voteEvent.Kind, row.voteEvent.ByShowOfHands))
                .ToListAsync(cancellationToken);
        }

        private static string EscapeLike(string text) =>
            text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
    }
}
