namespace KentMedwayCommissioning.Web.Domain.Register;

/// <summary>
/// One complete subtree of the register's Merkle tree (RFC 9162): the 2^<see cref="Level"/> entries from
/// <c>Index × 2^Level</c>. Complete subtrees never change as the register grows, so they are stored once, appended
/// with the entries, and every root and proof is read from O(log n) of them.
/// </summary>
public sealed class RegisterTreeNode(int level, long index, byte[] hash)
{
    public int Level { get; private set; } = level;
    public long Index { get; private set; } = index;
    public byte[] Hash { get; private set; } = hash;
}
