using System.Runtime.CompilerServices;
using KentMedwayCommissioning.Web.Domain.Register;
using Microsoft.EntityFrameworkCore;

namespace KentMedwayCommissioning.Web.Pages.Decisions;

/// <summary>
/// Reads the whole register, or a filtered part of it, a batch at a time by sequence. Public reads stream their rows
/// (StreamingReadStrategy in ReadDb.cs), but one query over a large register would hold a connection and a snapshot
/// for the seconds it takes; a batch is a short statement, and one whose statement fails to start is retried alone.
/// Entries are never changed, so the batches together are the register as it stood, plus any entry appended meanwhile.
/// </summary>
public static class RegisterBatches
{
    // Small enough that a batch and the garbage it leaves stay small (at 1,000 a batch, re-checking 100,000 entries grew
    // the app by 45 MB; at 250, by 26 MB), large enough that the round trips cost little beside the work.
    public const int Size = 250;

    /// <summary>
    /// After a read this long (a whole export or chain check of a large register) the memory it churned through is
    /// handed back to the system at once: the garbage collector would otherwise keep it for the next load (measured at
    /// 1,000,000 entries: 31 MB after a chain check), and the app is meant to stay under 300 MB. One full, compacting
    /// collection costs tens of milliseconds, against the seconds such a read takes; shorter reads leave the GC alone.
    /// </summary>
    public const int BatchesBeforeGivingMemoryBack = 40;

    public static async IAsyncEnumerable<PublishedDecision> ReadAsync(IQueryable<PublishedDecision> entries, bool newestFirst, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        long? last = null;
        var batches = 0;
        try
        {
            while (true)
            {
                var next = last is not { } after ? entries
                    : newestFirst ? entries.Where(entry => entry.Sequence < after)
                    : entries.Where(entry => entry.Sequence > after);
                batches++;
                var batch = await (newestFirst ? next.OrderByDescending(entry => entry.Sequence) : next.OrderBy(entry => entry.Sequence))
                    .AsNoTracking()
                    .Take(Size)
                    .ToListAsync(cancellationToken);
                foreach (var entry in batch)
                {
                    yield return entry;
                }

                if (batch.Count < Size)
                {
                    yield break;
                }

                last = batch[^1].Sequence;
            }
        }
        finally
        {
            if (batches >= BatchesBeforeGivingMemoryBack)
            {
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            }
        }
    }
}
