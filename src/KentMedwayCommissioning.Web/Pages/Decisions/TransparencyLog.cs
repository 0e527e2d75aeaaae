using FluentValidation;
using FluentValidation.Results;
using KentMedwayCommissioning.Web.Data;
using KentMedwayCommissioning.Web.Domain;
using KentMedwayCommissioning.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace KentMedwayCommissioning.Web.Pages.Decisions;

/// <summary>
/// The register as a transparency log, in the shape of Certificate Transparency (RFC 9162): a signed checkpoint (C2SP
/// tlog-checkpoint) of the Merkle tree over every entry, the key that signs it, and the proofs that an entry is in a
/// checkpoint's tree and that a later checkpoint's tree extends an earlier one's. Anyone can check them without
/// trusting this site: tools/KentMedwayCommissioning.Verify and tools/verify_register.py.
/// </summary>
public static class TransparencyLog
{
    public const string CheckpointPath = "/decisions/checkpoint";
    public const string VerifierKeyPath = "/decisions/verifier-key";

    /// <summary>The tree's size and root now: what the checkpoint signs.</summary>
    public sealed record Head : IQuery<(long Size, byte[] Root)>;

    internal sealed class HeadHandler([FromKeyedServices(ReadDb.Key)] AppDbContext db) : IQueryHandler<Head, (long Size, byte[] Root)>
    {
        public async ValueTask<(long Size, byte[] Root)> Handle(Head query, CancellationToken cancellationToken)
        {
            var size = await RegisterTree.SizeAsync(db, cancellationToken);
            return (size, await RegisterTree.RootAsync(db, size, cancellationToken));
        }
    }

    /// <param name="TreeSize">The checkpoint's size the path leads to; the newest when absent.</param>
    public sealed record Inclusion(long Sequence, long? TreeSize) : IQuery<InclusionProof>;

    public sealed record InclusionProof(long Sequence, long LeafIndex, long TreeSize, byte[] LeafHash, IReadOnlyList<byte[]> AuditPath);

    public sealed class InclusionValidator : AbstractValidator<Inclusion>
    {
        public InclusionValidator()
        {
            RuleFor(query => query.Sequence).GreaterThanOrEqualTo(1).WithMessage("A decision's number is a whole number from 1");
            RuleFor(query => query.TreeSize).GreaterThanOrEqualTo(query => query.Sequence).When(query => query.TreeSize is not null)
                .OverridePropertyName("tree_size").WithMessage("tree_size must be at least the decision's number: a tree holds its entries from the first");
        }
    }

    internal sealed class InclusionHandler([FromKeyedServices(ReadDb.Key)] AppDbContext db) : IQueryHandler<Inclusion, InclusionProof>
    {
        public async ValueTask<InclusionProof> Handle(Inclusion query, CancellationToken cancellationToken)
        {
            var size = await RegisterTree.SizeAsync(db, cancellationToken);
            if (query.Sequence > size)
            {
                throw new NotFoundException($"There is no published decision {query.Sequence}.");
            }

            var treeSize = query.TreeSize ?? size;
            RefuseBeyond(size, treeSize, "tree_size");
            var leaf = await RegisterTree.LeafAsync(db, query.Sequence - 1, cancellationToken);
            var path = await RegisterTree.InclusionAsync(db, query.Sequence - 1, treeSize, cancellationToken);
            return new InclusionProof(query.Sequence, query.Sequence - 1, treeSize, leaf, path);
        }
    }

    public sealed record Consistency(long First, long Second) : IQuery<IReadOnlyList<byte[]>>;

    public sealed class ConsistencyValidator : AbstractValidator<Consistency>
    {
        public ConsistencyValidator()
        {
            RuleFor(query => query.First).GreaterThanOrEqualTo(0).OverridePropertyName("first").WithMessage("first is a tree size: a whole number from 0");
            RuleFor(query => query.Second).GreaterThanOrEqualTo(query => query.First).OverridePropertyName("second")
                .WithMessage("second must be at least first: a proof shows that the larger tree extends the smaller");
        }
    }

    internal sealed class ConsistencyHandler([FromKeyedServices(ReadDb.Key)] AppDbContext db) : IQueryHandler<Consistency, IReadOnlyList<byte[]>>
    {
        public async ValueTask<IReadOnlyList<byte[]>> Handle(Consistency query, CancellationToken cancellationToken)
        {
            RefuseBeyond(await RegisterTree.SizeAsync(db, cancellationToken), query.Second, "second");
            return await RegisterTree.ConsistencyAsync(db, query.First, query.Second, cancellationToken);
        }
    }

    private static void RefuseBeyond(long size, long asked, string parameter)
    {
        if (asked > size)
        {
            throw new ValidationException([new ValidationFailure(parameter, $"{parameter} must be at most {size}, the size of the newest checkpoint")]);
        }
    }

    private const string PlainText = "text/plain; charset=utf-8";

    /// <summary>An audit path: hashes (base64) from the decision's leaf, at index <c>sequence − 1</c>, up to the root of the tree of <paramref name="TreeSize"/> entries.</summary>
    public sealed record InclusionJson(long Sequence, long LeafIndex, long TreeSize, string LeafHash, IReadOnlyList<string> AuditPath);

    /// <summary>A consistency proof (hashes in base64) that the tree of <paramref name="First"/> entries is a prefix of the tree of <paramref name="Second"/>.</summary>
    public sealed record ConsistencyJson(long First, long Second, IReadOnlyList<string> Proof);

    public static void MapTransparencyLog(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOpenData(CheckpointPath, async (RegisterSigner signer, ISender sender, CancellationToken cancellationToken) =>
        {
            if (signer.Signer is null)
            {
                return NotSigned();
            }

            var (size, root) = await sender.Send(new Head(), cancellationToken);
            return Results.Text(signer.SignedCheckpoint(size, root)!, PlainText);
        }).WithName("GetCheckpoint").Produces<string>(contentType: PlainText).ProducesProblem(StatusCodes.Status503ServiceUnavailable).WithSummary("The newest signed checkpoint of the register's Merkle tree (C2SP tlog-checkpoint).");

        endpoints.MapOpenData(VerifierKeyPath, (RegisterSigner signer) =>
                signer.Signer is { } key ? Results.Text(key.Verifier.Encoded + "\n", PlainText) : NotSigned())
            .WithName("GetVerifierKey").Produces<string>(contentType: PlainText).ProducesProblem(StatusCodes.Status503ServiceUnavailable).WithSummary("The key that checkpoints are signed with (C2SP signed-note verifier key).");

        endpoints.MapOpenData("/api/v1/decisions/{sequence:long}/inclusion", async (long sequence, [FromQuery(Name = "tree_size")] long? treeSize, ISender sender, CancellationToken cancellationToken) =>
        {
            var proof = await sender.Send(new Inclusion(sequence, treeSize), cancellationToken);
            return TypedResults.Ok(new InclusionJson(
                proof.Sequence, proof.LeafIndex, proof.TreeSize, Convert.ToBase64String(proof.LeafHash), [.. proof.AuditPath.Select(Convert.ToBase64String)]));
        }).WithName("GetInclusionProof").Produces<InclusionJson>().WithSummary("The audit path from a decision's leaf to the root of a checkpoint's tree (RFC 9162 §2.1.3).");

        endpoints.MapOpenData("/api/v1/decisions/consistency", async (long? first, long? second, ISender sender, CancellationToken cancellationToken) =>
        {
            if (first is null || second is null)
            {
                throw new ValidationException([new ValidationFailure(first is null ? "first" : "second", "Give both tree sizes: ?first=M&second=N")]);
            }

            var proof = await sender.Send(new Consistency(first.Value, second.Value), cancellationToken);
            return TypedResults.Ok(new ConsistencyJson(first.Value, second.Value, [.. proof.Select(Convert.ToBase64String)]));
        }).WithName("GetConsistencyProof").Produces<ConsistencyJson>().WithSummary("The proof that the tree of `first` entries is a prefix of the tree of `second` (RFC 9162 §2.1.4).");
    }

    private static IResult NotSigned() =>
        Results.Problem(
            statusCode: StatusCodes.Status503ServiceUnavailable,
            title: "The register's checkpoints are not signed yet",
            detail: $"This site has no signing key ({RegisterSigner.KeySetting} or {RegisterSigner.KeyFileSetting}); the register and its hash chain are still published.");
}
