using System.Numerics;
using System.Security.Cryptography;

namespace KentMedwayCommissioning.Transparency;

/// <summary>
/// A complete subtree of the log: the 2^<paramref name="Level"/> leaves from <c>Index × 2^Level</c>. These are the only
/// nodes that never change as the log grows, so they are the ones stored.
/// </summary>
public readonly record struct TreeNode(int Level, long Index)
{
    public long Start => Index << Level;

    public long End => (Index + 1) << Level;
}

/// <summary>A contiguous run of leaves, [Start, End), whose hash a proof needs.</summary>
public readonly record struct LeafRange(long Start, long End);

/// <summary>
/// The Merkle tree hash of RFC 9162 §2.1: leaf hash = SHA-256(0x00 ‖ entry), node hash = SHA-256(0x01 ‖ left ‖ right),
/// the left subtree of n leaves holding the largest power of two below n; and the audit paths (§2.1.3) and consistency
/// proofs (§2.1.4) that are built from it and checked against it.
/// </summary>
public static class MerkleTree
{
    public const int HashSize = 32;

    /// <summary>The root of an empty tree: SHA-256 of nothing.</summary>
    public static byte[] EmptyRoot => SHA256.HashData([]);

    public static byte[] LeafHash(ReadOnlySpan<byte> entry)
    {
        var input = new byte[entry.Length + 1];
        entry.CopyTo(input.AsSpan(1));
        return SHA256.HashData(input);
    }

    public static byte[] NodeHash(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        Span<byte> input = stackalloc byte[1 + HashSize + HashSize];
        input[0] = 0x01;
        left.CopyTo(input[1..]);
        right.CopyTo(input[(1 + HashSize)..]);
        return SHA256.HashData(input);
    }

    /// <summary>
    /// The complete subtrees that make up a range of the shape RFC 9162's recursion produces (its start a multiple of a
    /// power of two at least its length), left to right: the binary digits of its length, largest first.
    /// </summary>
    public static IReadOnlyList<TreeNode> CompleteSubtrees(LeafRange range)
    {
        var nodes = new List<TreeNode>();
        var start = range.Start;
        for (var level = 62; level >= 0; level--)
        {
            var size = 1L << level;
            if (range.End - start >= size)
            {
                nodes.Add(new TreeNode(level, start >> level));
                start += size;
            }
        }

        return nodes;
    }

    /// <summary>Folds a range's complete subtrees right to left, as the RFC's recursion does.</summary>
    public static byte[] RangeHash(LeafRange range, Func<TreeNode, byte[]> nodeHash)
    {
        if (range.End == range.Start)
        {
            return EmptyRoot;
        }

        var nodes = CompleteSubtrees(range);
        var hash = nodeHash(nodes[^1]);
        for (var i = nodes.Count - 2; i >= 0; i--)
        {
            hash = NodeHash(nodeHash(nodes[i]), hash);
        }

        return hash;
    }

    /// <summary>The ranges whose hashes, in this order, are the audit path of leaf <paramref name="index"/> in a tree of <paramref name="size"/> (RFC 9162 §2.1.3.1).</summary>
    public static IReadOnlyList<LeafRange> InclusionPath(long index, long size)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, size);
        var path = new List<LeafRange>();
        AddPath(index, 0, size, path);
        return path;
    }

    private static void AddPath(long index, long start, long end, List<LeafRange> path)
    {
        var size = end - start;
        if (size == 1)
        {
            return;
        }

        var split = LargestPowerOfTwoBelow(size);
        if (index - start < split)
        {
            AddPath(index, start, start + split, path);
            path.Add(new LeafRange(start + split, end));
        }
        else
        {
            AddPath(index, start + split, end, path);
            path.Add(new LeafRange(start, start + split));
        }
    }

    /// <summary>The ranges whose hashes, in this order, prove a tree of <paramref name="first"/> leaves is a prefix of one of <paramref name="second"/> (RFC 9162 §2.1.4.1).</summary>
    public static IReadOnlyList<LeafRange> ConsistencyPath(long first, long second)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(first);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(first, second);
        var path = new List<LeafRange>();
        if (first > 0 && first < second)
        {
            AddSubproof(first, 0, second, startsFromOldRoot: true, path);
        }

        return path;
    }

    private static void AddSubproof(long first, long start, long end, bool startsFromOldRoot, List<LeafRange> path)
    {
        var size = end - start;
        if (first == size)
        {
            if (!startsFromOldRoot)
            {
                path.Add(new LeafRange(start, end));
            }

            return;
        }

        var split = LargestPowerOfTwoBelow(size);
        if (first <= split)
        {
            AddSubproof(first, start, start + split, startsFromOldRoot, path);
            path.Add(new LeafRange(start + split, end));
        }
        else
        {
            AddSubproof(first - split, start + split, end, startsFromOldRoot: false, path);
            path.Add(new LeafRange(start, start + split));
        }
    }

    /// <summary>Checks an audit path (RFC 9162 §2.1.3.2).</summary>
    public static bool VerifyInclusion(long index, long size, ReadOnlySpan<byte> leafHash, IReadOnlyList<byte[]> path, ReadOnlySpan<byte> root)
    {
        if (index < 0 || index >= size)
        {
            return false;
        }

        var fn = index;
        var sn = size - 1;
        var hash = leafHash.ToArray();
        foreach (var sibling in path)
        {
            if (sn == 0 || sibling.Length != HashSize)
            {
                return false;
            }

            if ((fn & 1) == 1 || fn == sn)
            {
                hash = NodeHash(sibling, hash);
                while ((fn & 1) == 0 && fn != 0)
                {
                    fn >>= 1;
                    sn >>= 1;
                }
            }
            else
            {
                hash = NodeHash(hash, sibling);
            }

            fn >>= 1;
            sn >>= 1;
        }

        return sn == 0 && hash.AsSpan().SequenceEqual(root);
    }

    /// <summary>Checks a consistency proof between two tree heads (RFC 9162 §2.1.4.2).</summary>
    public static bool VerifyConsistency(long first, long second, ReadOnlySpan<byte> firstRoot, ReadOnlySpan<byte> secondRoot, IReadOnlyList<byte[]> proof)
    {
        if (first < 0 || first > second)
        {
            return false;
        }

        if (first == second)
        {
            return proof.Count == 0 && firstRoot.SequenceEqual(secondRoot);
        }

        if (first == 0)
        {
            // Every tree extends the empty one.
            return proof.Count == 0;
        }

        var path = new List<byte[]>(proof);
        if (BitOperations.IsPow2(first))
        {
            path.Insert(0, firstRoot.ToArray());
        }

        if (path.Count == 0 || path.Any(hash => hash.Length != HashSize))
        {
            return false;
        }

        var fn = first - 1;
        var sn = second - 1;
        while ((fn & 1) == 1)
        {
            fn >>= 1;
            sn >>= 1;
        }

        var firstHash = path[0];
        var secondHash = path[0];
        foreach (var node in path.Skip(1))
        {
            if (sn == 0)
            {
                return false;
            }

            if ((fn & 1) == 1 || fn == sn)
            {
                firstHash = NodeHash(node, firstHash);
                secondHash = NodeHash(node, secondHash);
                while ((fn & 1) == 0 && fn != 0)
                {
                    fn >>= 1;
                    sn >>= 1;
                }
            }
            else
            {
                secondHash = NodeHash(secondHash, node);
            }

            fn >>= 1;
            sn >>= 1;
        }

        return sn == 0 && firstHash.AsSpan().SequenceEqual(firstRoot) && secondHash.AsSpan().SequenceEqual(secondRoot);
    }

    /// <summary>The largest power of two strictly below <paramref name="size"/> (which is at least 2): where RFC 9162 splits.</summary>
    public static long LargestPowerOfTwoBelow(long size) => (long)BitOperations.RoundUpToPowerOf2((ulong)size) >> 1;
}
