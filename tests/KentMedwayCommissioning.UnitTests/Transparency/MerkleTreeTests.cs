using System.Diagnostics;
using System.Text;
using System.Text.Json;
using KentMedwayCommissioning.Transparency;

namespace KentMedwayCommissioning.UnitTests.Transparency;

public sealed class MerkleTreeTests
{
    private const int Leaves = 40;

    /// <summary>The roots of RFC 6962's test tree (the leaves of the certificate-transparency reference tests), sizes 1 to 8.</summary>
    [Theory]
    [InlineData(1, "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d")]
    [InlineData(2, "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125")]
    [InlineData(3, "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77")]
    [InlineData(4, "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")]
    [InlineData(5, "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4")]
    [InlineData(6, "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef")]
    [InlineData(7, "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c")]
    [InlineData(8, "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328")]
    public void Roots_match_the_reference_test_vectors_whichever_way_the_leaves_are_read(int size, string root)
    {
        byte[][] leaves = [[], [0x00], [0x10], [0x20, 0x21], [0x30, 0x31], [0x40, 0x41, 0x42, 0x43], [0x50, 0x51, 0x52, 0x53, 0x54, 0x55, 0x56, 0x57], [.. Enumerable.Range(0x60, 16).Select(b => (byte)b)]];

        Assert.Equal(root, Convert.ToHexStringLower(RootOf(leaves.Take(size).Select(leaf => MerkleTree.LeafHash(leaf)).ToList(), descending: false)));
        Assert.Equal(root, Convert.ToHexStringLower(RootOf(leaves.Take(size).Select(leaf => MerkleTree.LeafHash(leaf)).ToList(), descending: true)));
    }

    [Fact]
    public void The_empty_tree_has_the_hash_of_nothing() =>
        Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Convert.ToHexStringLower(new StreamingRoot().Root()));

    [Fact]
    public void Roots_paths_and_proofs_match_an_independent_implementation_of_the_rfc()
    {
        var reference = Reference();
        var leafHashes = Enumerable.Range(0, Leaves).Select(i => MerkleTree.LeafHash(Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat(i.ToString(System.Globalization.CultureInfo.InvariantCulture), i))))).ToList();
        var stored = StoredNodes(leafHashes);
        byte[] Node(TreeNode node) => stored[node];

        for (var size = 0; size <= Leaves; size++)
        {
            var expectedRoot = reference.GetProperty("roots")[size].GetString();
            var root = MerkleTree.RangeHash(new LeafRange(0, size), Node);
            Assert.Equal(expectedRoot, Convert.ToHexStringLower(root));
            Assert.Equal(expectedRoot, Convert.ToHexStringLower(RootOf(leafHashes.Take(size).ToList(), descending: size % 2 == 0)));

            for (var index = 0; index < size; index++)
            {
                var path = MerkleTree.InclusionPath(index, size).Select(range => MerkleTree.RangeHash(range, Node)).ToList();
                Assert.Equal(Hexes(reference.GetProperty("paths").GetProperty($"{index}/{size}")), path.Select(Convert.ToHexStringLower));
                Assert.True(MerkleTree.VerifyInclusion(index, size, leafHashes[index], path, root));
            }

            for (var first = 1; first < size; first++)
            {
                var proof = MerkleTree.ConsistencyPath(first, size).Select(range => MerkleTree.RangeHash(range, Node)).ToList();
                Assert.Equal(Hexes(reference.GetProperty("proofs").GetProperty($"{first}/{size}")), proof.Select(Convert.ToHexStringLower));
                Assert.True(MerkleTree.VerifyConsistency(first, size, MerkleTree.RangeHash(new LeafRange(0, first), Node), root, proof));
            }
        }
    }

    [Fact]
    public void A_proof_for_another_leaf_another_size_or_with_a_changed_hash_fails()
    {
        var leafHashes = Enumerable.Range(0, 13).Select(i => MerkleTree.LeafHash([(byte)i])).ToList();
        var stored = StoredNodes(leafHashes);
        byte[] Node(TreeNode node) => stored[node];
        var root = MerkleTree.RangeHash(new LeafRange(0, 13), Node);
        var path = MerkleTree.InclusionPath(5, 13).Select(range => MerkleTree.RangeHash(range, Node)).ToList();

        Assert.True(MerkleTree.VerifyInclusion(5, 13, leafHashes[5], path, root));
        Assert.False(MerkleTree.VerifyInclusion(6, 13, leafHashes[5], path, root));
        Assert.False(MerkleTree.VerifyInclusion(5, 13, leafHashes[6], path, root));
        Assert.False(MerkleTree.VerifyInclusion(5, 7, leafHashes[5], path, root));
        Assert.False(MerkleTree.VerifyInclusion(5, 13, leafHashes[5], [.. path.Take(path.Count - 1)], root));

        var oldRoot = MerkleTree.RangeHash(new LeafRange(0, 6), Node);
        var proof = MerkleTree.ConsistencyPath(6, 13).Select(range => MerkleTree.RangeHash(range, Node)).ToList();
        Assert.True(MerkleTree.VerifyConsistency(6, 13, oldRoot, root, proof));
        Assert.False(MerkleTree.VerifyConsistency(6, 13, MerkleTree.RangeHash(new LeafRange(0, 5), Node), root, proof));
        var forked = proof.Select(hash => (byte[])hash.Clone()).ToList();
        forked[0][0] ^= 1;
        Assert.False(MerkleTree.VerifyConsistency(6, 13, oldRoot, root, forked));
        Assert.False(MerkleTree.VerifyConsistency(13, 6, root, oldRoot, proof));
        Assert.False(MerkleTree.VerifyConsistency(6, 6, oldRoot, root, []));
    }

    [Fact]
    public void Appending_leaves_adds_exactly_the_complete_subtrees_of_each_size_and_can_resume_from_any_edge()
    {
        var leafHashes = Enumerable.Range(0, 37).Select(i => MerkleTree.LeafHash([(byte)i])).ToList();
        var expected = StoredNodes(leafHashes);
        var stored = new Dictionary<TreeNode, byte[]>();
        var appender = new TreeAppender([]);
        foreach (var (leaf, index) in leafHashes.Select((hash, index) => (hash, index)))
        {
            if (index == 21)
            {
                // As the app does after a restart: start again from the stored edge of the tree so far.
                appender = new TreeAppender(MerkleTree.CompleteSubtrees(new LeafRange(0, 21)).Select(node => (node, stored[node])));
            }

            foreach (var (node, hash) in appender.Append(leaf))
            {
                stored.Add(node, hash);
            }
        }

        Assert.Equal(expected.Keys.ToHashSet(), stored.Keys.ToHashSet());
        Assert.All(expected, pair => Assert.Equal(pair.Value, stored[pair.Key]));
    }

    private static byte[] RootOf(List<byte[]> leafHashes, bool descending)
    {
        var streaming = new StreamingRoot();
        var order = Enumerable.Range(0, leafHashes.Count);
        foreach (var index in descending ? order.Reverse() : order)
        {
            streaming.Add(index, leafHashes[index]);
        }

        return streaming.Root();
    }

    /// <summary>Every complete subtree's hash, as the app stores them.</summary>
    private static Dictionary<TreeNode, byte[]> StoredNodes(List<byte[]> leafHashes)
    {
        var nodes = new Dictionary<TreeNode, byte[]>();
        for (var level = 0; (1L << level) <= leafHashes.Count; level++)
        {
            for (long index = 0; (index + 1) << level <= leafHashes.Count; index++)
            {
                nodes[new TreeNode(level, index)] = level == 0
                    ? leafHashes[(int)index]
                    : MerkleTree.NodeHash(nodes[new TreeNode(level - 1, index * 2)], nodes[new TreeNode(level - 1, (index * 2) + 1)]);
            }
        }

        return nodes;
    }

    private static IEnumerable<string> Hexes(JsonElement array) => array.EnumerateArray().Select(hash => hash.GetString()!);

    private static JsonElement Reference()
    {
        var script = Path.Combine(AppContext.BaseDirectory, "Transparency", "rfc9162_reference.py");
        using var python = Process.Start(new ProcessStartInfo("python3", [script, Leaves.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { RedirectStandardOutput = true })!;
        var output = python.StandardOutput.ReadToEnd();
        python.WaitForExit();
        Assert.Equal(0, python.ExitCode);
        return JsonDocument.Parse(output).RootElement;
    }
}
