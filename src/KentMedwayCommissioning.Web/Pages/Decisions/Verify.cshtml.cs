using KentMedwayCommissioning.Web.Data;
using KentMedwayCommissioning.Web.Domain.Register;
using KentMedwayCommissioning.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KentMedwayCommissioning.Web.Pages.Decisions;

/// <summary>
/// Re-checks the whole register, reading it entry by entry: the hash chain, and the Merkle tree rebuilt from the entries
/// against the tree the site stores and signs. Shows the signed checkpoint for readers to keep and check later.
/// </summary>
[AllowAnonymous]
public sealed class VerifyModel(ISender sender, RegisterSigner signer, PublicAddress address) : PageModel
{
    public const string ScriptPath = "/decisions/verify_register.py";

    public Verification Result { get; private set; } = null!;

    public string? Checkpoint { get; private set; }

    public string? VerifierKey => signer.Signer?.Verifier.Encoded;

    /// <summary>The site's address, for the commands a reader copies.</summary>
    public string PublicRoot => address.Root;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Result = await sender.Send(new Query(), cancellationToken);
        Checkpoint = signer.SignedCheckpoint(Result.TreeSize, Result.StoredRoot);
    }

    /// <param name="StoredRoot">The root of the tree the site stores, and signs, over <paramref name="TreeSize"/> entries.</param>
    public sealed record Verification(ChainVerification Chain, long TreeSize, byte[] StoredRoot)
    {
        /// <summary>The stored tree holds exactly the entries, as they are now.</summary>
        public bool TreeMatches => TreeSize == Chain.Entries && StoredRoot.AsSpan().SequenceEqual(Chain.TreeRoot);

        public bool IsIntact => Chain.IsIntact && TreeMatches;

        public string? Reason => !Chain.IsIntact ? Chain.Reason
            : TreeMatches ? null
            : $"the Merkle tree the site signs ({TreeSize} entries) is not the tree of the {Chain.Entries} entries it publishes";
    }

    public sealed record Query : IQuery<Verification>;

    internal sealed class Handler([FromKeyedServices(ReadDb.Key)] AppDbContext db) : IQueryHandler<Query, Verification>
    {
        public async ValueTask<Verification> Handle(Query query, CancellationToken cancellationToken)
        {
            // Read in order, a batch at a time: the register is never held in memory whole.
            var chain = await ChainVerification.CheckAsync(RegisterBatches.ReadAsync(db.PublishedDecisions, newestFirst: false, cancellationToken), cancellationToken);
            var size = await RegisterTree.SizeAsync(db, cancellationToken);
            return new Verification(chain, size, await RegisterTree.RootAsync(db, size, cancellationToken));
        }
    }
}
