using System.Text.RegularExpressions;

namespace KentMedwayCommissioning.UnitTests.Architecture;

public sealed partial class DependencyDirectionTests
{
    private static readonly string WebProject = Path.Combine(Repository.Root, "src", "KentMedwayCommissioning.Web");

    /// <summary>A using of a slice's namespace, or a name qualified by it, in code (comments and strings aside).</summary>
    [GeneratedRegex(@"^\s*using\s+KentMedwayCommissioning\.Web\.Pages\b|^(?!\s*//)[^""]*\bPages\.[A-Z]\w*\.")]
    private static partial Regex UsesPages();

    [Theory]
    [InlineData("Domain")]
    [InlineData("Data")]
    [InlineData("Infrastructure")]
    public void Shared_code_uses_nothing_from_the_pages(string folder)
    {
        var offending = Directory.EnumerateFiles(Path.Combine(WebProject, folder), "*.cs", SearchOption.AllDirectories)
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(file => File.ReadLines(file).Select((line, index) => (file, line, number: index + 1)))
            .Where(entry => UsesPages().IsMatch(entry.line))
            .Select(entry => $"{Path.GetRelativePath(WebProject, entry.file)}:{entry.number}: {entry.line.Trim()}")
            .ToList();

        Assert.Empty(offending);
    }
}
