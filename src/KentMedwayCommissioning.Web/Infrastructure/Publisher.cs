using KentMedwayCommissioning.Web.Data;
using KentMedwayCommissioning.Web.Domain;
using KentMedwayCommissioning.Web.Domain.Meetings;
using KentMedwayCommissioning.Web.Domain.Register;
using Microsoft.EntityFrameworkCore;

namespace KentMedwayCommissioning.Web.Infrastructure;

/// <summary>Appends a closed meeting's decided items to the chain; used by the secretary's command and the demo data.</summary>
public static class Publisher
{
    /// <summary>One lock for the whole chain: entries are appended one writer at a time, so sequence and hashes never fork.</summary>
    private const long ChainLock = 0x4B4D43_0001;

    public static async Task<int> PublishAsync(AppDbContext db, int meetingId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (sequence, previous) = await LockHeadAsync(db, cancellationToken);

        var meeting = await db.Meetings.AsNoTracking()
            .Include(candidate => candidate.Body)
            .Include(candidate => candidate.Items).ThenInclude(item => item.Declarations).ThenInclude(declaration => declaration.Person)
            .SingleOrDefaultAsync(candidate => candidate.Id == meetingId, cancellationToken)
            ?? throw new NotFoundException($"There is no meeting {meetingId}.");
        if (meeting.Status != MeetingStatus.Closed)
        {
            throw new GovernanceException("Only the decisions of a closed meeting are published.");
        }

        var itemIds = meeting.Items.Select(item => item.Id).ToList();
        var published = await db.PublishedDecisions.Where(decision => itemIds.Contains(decision.AgendaItemId)).Select(decision => decision.AgendaItemId).ToListAsync(cancellationToken);
        var count = 0;

        foreach (var item in meeting.Items.Where(item => item.Outcome is not null && !published.Contains(item.Id)).OrderBy(item => item.Number))
        {
            // A confidential item leaves only the fact that it was considered; a later record that it may be made
            // public appends its full entry (PublishMadePublicAsync).
            var entry = item.IsPublic
                ? await FullEntryAsync(db, meeting, item, ++sequence, now, correctsSequence: null, explanationPrefix: null, previous, cancellationToken)
                : new PublishedDecision(
                    ++sequence, meeting.Body!.Name, meeting.Body.Slug, item.Id, meeting.Title,
                    meeting.DateAsReported ?? PublishedDecision.MeetingDateOf(meeting.StartsAt, meeting.DatePrecision),
                    PrivateItem.Title, question: null, PrivateItem.Outcome, PrivateItem.Explanation,
                    votesFor: null, votesAgainst: null, abstentions: null, votes: [], declarations: [], now, correctsSequence: null, previous,
                    MeetingDate.Iso(meeting.StartsAt, meeting.DatePrecision));
            db.PublishedDecisions.Add(entry);
            previous = entry.Hash;
            count++;
        }

        await db.SaveChangesAsync(cancellationToken);
        await RegisterTree.CatchUpAsync(db, cancellationToken);
        return count;
    }

    /// <summary>
    /// Appends the full entry of a private-part item that the secretary has recorded may be made public. It corrects the
    /// "considered in private" entry, so every page, feed and API shows the full entry as the item's current one.
    /// </summary>
    public static async Task<long> PublishMadePublicAsync(AppDbContext db, int agendaItemId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (sequence, previous) = await LockHeadAsync(db, cancellationToken);
        var meeting = await db.Meetings.AsNoTracking()
            .Include(candidate => candidate.Body)
            .Include(candidate => candidate.Items.Where(item => item.Id == agendaItemId)).ThenInclude(item => item.Declarations).ThenInclude(declaration => declaration.Person)
            .SingleOrDefaultAsync(candidate => candidate.Items.Any(item => item.Id == agendaItemId), cancellationToken)
            ?? throw new NotFoundException($"There is no agenda item {agendaItemId}.");
        var item = meeting.Items.Single();
        if (item.MadePublicOn is not { } on)
        {
            throw new GovernanceException("The item has not been recorded as one that may be made public.");
        }

        // The newest entry for the item: under the chain's lock, so the item is released once.
        var current = await db.PublishedDecisions.AsNoTracking()
            .Where(decision => decision.AgendaItemId == agendaItemId)
            .OrderByDescending(decision => decision.Sequence)
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new GovernanceException("Publish the meeting first: the item is not in the register yet.");
        if (!PrivateItem.IsPlaceholder(current))
        {
            throw new GovernanceException($"The item's full entry is already published as decision {current.Sequence}.");
        }

        var prefix = $"Made public on {on.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"))}: {item.MadePublicReason}. ";
        var entry = await FullEntryAsync(db, meeting, item, sequence + 1, now, current.Sequence, prefix, previous, cancellationToken);
        db.PublishedDecisions.Add(entry);
        await db.SaveChangesAsync(cancellationToken);
        await RegisterTree.CatchUpAsync(db, cancellationToken);
        return entry.Sequence;
    }

    private static async Task<PublishedDecision> FullEntryAsync(
        AppDbContext db, Meeting meeting, AgendaItem item, long sequence, DateTimeOffset now, long? correctsSequence, string? explanationPrefix, string previous, CancellationToken cancellationToken)
    {
        var votes = await db.Votes.AsNoTracking().Where(vote => vote.AgendaItemId == item.Id)
            .OrderBy(vote => vote.Person!.FullName)
            .Select(vote => new PublishedVote(vote.Person!.FullName, vote.Choice.ToString(), false, vote.PersonId))
            .ToListAsync(cancellationToken);
        if (item.CastingVote is { } casting && item.CastingVoteByPersonId is { } chairId)
        {
            var chair = await db.People.Where(person => person.Id == chairId).Select(person => person.FullName).SingleAsync(cancellationToken);
            votes.Add(new PublishedVote(chair, casting.ToString(), IsCastingVote: true, chairId));
        }

        var declarations = item.Declarations
            .OrderBy(declaration => declaration.DeclaredAt)
            .Select(declaration => new PublishedDeclaration(declaration.Person!.FullName, declaration.Interest, declaration.Action.DisplayName(), declaration.PersonId))
            .ToList();

        return new PublishedDecision(
            sequence, meeting.Body!.Name, meeting.Body.Slug, item.Id, meeting.Title,
            meeting.DateAsReported ?? PublishedDecision.MeetingDateOf(meeting.StartsAt, meeting.DatePrecision),
            item.Title, item.Question, item.Outcome!.Value.DisplayName(), explanationPrefix + (item.OutcomeExplanation ?? item.Outcome.Value.DisplayName()),
            item.VotesFor, item.VotesAgainst, item.Abstentions, votes, declarations, now, correctsSequence, previous, MeetingDate.Iso(meeting.StartsAt, meeting.DatePrecision));
    }

    /// <summary>
    /// Publishes a correction: a new entry, pointing at the one it corrects, with the corrected outcome and the reason.
    /// The original stays as it was.
    /// An entry is corrected once: a second correction corrects the newest entry, so every page, feed and API agree that
    /// the current entry for an item is the one nothing corrects.
    /// </summary>
    public static async Task<long> PublishCorrectionAsync(AppDbContext db, PublishedDecision original, string outcome, string explanation, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (sequence, previous) = await LockHeadAsync(db, cancellationToken);
        // Under the chain's lock, so two corrections sent at once cannot both pass.
        if (await CorrectedByAsync(db, original.Sequence, cancellationToken) is { } newer)
        {
            throw new GovernanceException($"Decision {original.Sequence} is already corrected by decision {newer}: correct decision {newer} instead.");
        }

        var correction = new PublishedDecision(
            sequence + 1, original.BodyName, original.BodySlug, original.AgendaItemId, original.MeetingTitle, original.MeetingDate,
            original.ItemTitle, original.Question, outcome, explanation, original.VotesFor, original.VotesAgainst, original.Abstentions,
            original.Votes, original.Declarations, now, original.Sequence, previous, original.MeetingDateIso);
        db.PublishedDecisions.Add(correction);
        await db.SaveChangesAsync(cancellationToken);
        await RegisterTree.CatchUpAsync(db, cancellationToken);
        return correction.Sequence;
    }

    /// <summary>
    /// Takes the lock that makes the register's writers (entries, and the tree over them) go one at a time, until the
    /// caller's transaction ends. A transaction may take it more than once.
    /// </summary>
    internal static async Task LockChainAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
        {
            // Outside a transaction the lock would be released at once and two writers could fork the chain.
            throw new InvalidOperationException("The chain is only appended to inside a transaction.");
        }

        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({ChainLock})", cancellationToken);
    }

    /// <summary>The entry that corrects <paramref name="sequence"/>, if any.</summary>
    public static async Task<long?> CorrectedByAsync(AppDbContext db, long sequence, CancellationToken cancellationToken) =>
        await db.PublishedDecisions.AsNoTracking().Where(candidate => candidate.CorrectsSequence == sequence).Select(candidate => (long?)candidate.Sequence).SingleOrDefaultAsync(cancellationToken);

    /// <summary>Takes the chain's lock for the caller's transaction (a command's, or the demo load's) and reads its head.</summary>
    private static async Task<(long Sequence, string Hash)> LockHeadAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        await LockChainAsync(db, cancellationToken);
        var head = await db.PublishedDecisions.OrderByDescending(decision => decision.Sequence).Select(decision => new { decision.Sequence, decision.Hash }).FirstOrDefaultAsync(cancellationToken);
        return (head?.Sequence ?? 0, head?.Hash ?? PublishedDecision.GenesisHash);
    }
}
