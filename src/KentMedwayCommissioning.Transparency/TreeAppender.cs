namespace KentMedwayCommissioning.Transparency;

/// <summary>
/// Grows a tree one leaf at a time from its right edge (the complete subtrees of its current size, left to right) and
/// says which complete subtrees each new leaf completes: exactly the nodes a store of complete subtrees must add.
/// </summary>
public sealed class TreeAppender
{
    private readonly List<(TreeNode Node, byte[] Hash)> _edge;

    /// <param name="edge">The complete subtrees of the tree so far, left to right, as <see cref="MerkleTree.CompleteSubtrees"/> names them.</param>
    public TreeAppender(IEnumerable<(TreeNode Node, byte[] Hash)> edge)
    {
        _edge = [.. edge];
        Size = _edge.Sum(entry => 1L << entry.Node.Level);
    }

    public long Size { get; private set; }

    /// <summary>Adds the next leaf; returns it and every complete subtree it completes, lowest first.</summary>
    public IReadOnlyList<(TreeNode Node, byte[] Hash)> Append(byte[] leafHash)
    {
        var node = new TreeNode(0, Size);
        var hash = leafHash;
        var added = new List<(TreeNode, byte[])> { (node, hash) };
        while (_edge.Count > 0 && _edge[^1].Node.Level == node.Level && node.Index % 2 == 1)
        {
            var left = _edge[^1];
            _edge.RemoveAt(_edge.Count - 1);
            hash = MerkleTree.NodeHash(left.Hash, hash);
            node = new TreeNode(node.Level + 1, node.Index / 2);
            added.Add((node, hash));
        }

        _edge.Add((node, hash));
        Size++;
        return added;
    }
}
