namespace KentMedwayCommissioning.Transparency;

/// <summary>
/// Computes a tree's root from its leaves read one at a time, holding only O(log n) hashes: the complete subtrees
/// finished so far. Leaves may come first to last (the verify page) or last to first (an export, newest first), as
/// long as they come in one order without gaps; two neighbouring complete subtrees of one size merge as they meet.
/// </summary>
public sealed class StreamingRoot
{
    private readonly List<(TreeNode Node, byte[] Hash)> _finished = [];
    private long? _lastIndex;

    public long Leaves { get; private set; }

    public void Add(long index, byte[] leafHash)
    {
        if (_lastIndex is { } last && Math.Abs(index - last) != 1)
        {
            throw new InvalidOperationException($"Leaf {index} does not follow leaf {last}.");
        }

        _lastIndex = index;
        Leaves++;
        var node = new TreeNode(0, index);
        var hash = leafHash;
        while (_finished.Count > 0 && _finished[^1].Node.Level == node.Level && (_finished[^1].Node.Index ^ node.Index) == 1)
        {
            var neighbour = _finished[^1];
            _finished.RemoveAt(_finished.Count - 1);
            hash = neighbour.Node.Index < node.Index ? MerkleTree.NodeHash(neighbour.Hash, hash) : MerkleTree.NodeHash(hash, neighbour.Hash);
            node = new TreeNode(node.Level + 1, node.Index >> 1);
        }

        _finished.Add((node, hash));
    }

    /// <summary>The root over every leaf added; they must be leaves 0 to n − 1 of the tree.</summary>
    public byte[] Root()
    {
        if (_finished.Count == 0)
        {
            return MerkleTree.EmptyRoot;
        }

        var leftToRight = _finished.OrderBy(finished => finished.Node.Start).ToList();
        if (leftToRight[0].Node.Start != 0)
        {
            throw new InvalidOperationException("The leaves added do not start from the first.");
        }

        var hash = leftToRight[^1].Hash;
        for (var i = leftToRight.Count - 2; i >= 0; i--)
        {
            hash = MerkleTree.NodeHash(leftToRight[i].Hash, hash);
        }

        return hash;
    }
}
