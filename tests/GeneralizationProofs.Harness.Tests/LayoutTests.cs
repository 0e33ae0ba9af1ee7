using System.Text.RegularExpressions;
using System.Xml.Linq;
using GeneralizationProofs.Harness;
using Xunit;

namespace GeneralizationProofs.Tests;

/// <summary>
/// The layout rules of the README ("Layout and architecture") held by a test, so a change that breaks one is named
/// in CI rather than found in review: lines within 140 characters, source files within 320 lines, one public
/// top-level type per library file (an enum may share its file with the static class of its names, as
/// <c>Verdict</c>/<c>Verdicts</c>), and project references one way: Core ← Verification ← Harness ← Cli.
/// </summary>
public partial class LayoutTests
{
    private const int MaxLineLength = 140;
    private const int MaxFileLines = 320;

    private static readonly string Root = RepositoryRoot.Find() ?? throw new InvalidOperationException("repository not found");

    private static readonly string[] SourceFolders = ["src", "verification", "harness", "tests", "benchmarks"];
    private static readonly string[] LibraryFolders = ["src", "verification", "harness"];

    private static IEnumerable<string> CSharpFiles(IEnumerable<string> folders) => folders
        .SelectMany(f => Directory.EnumerateFiles(Path.Combine(Root, f), "*.cs", SearchOption.AllDirectories))
        .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
        .Order(StringComparer.Ordinal);

    private static string Relative(string path) => Path.GetRelativePath(Root, path);

    [Fact]
    public void NoLineIsLongerThan140Characters()
    {
        var offenders = CSharpFiles(SourceFolders)
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Line: i + 1, line.Length)))
            .Where(x => x.Length > MaxLineLength)
            .Select(x => $"{Relative(x.File)}:{x.Line} ({x.Length} characters)")
            .ToList();
        Assert.True(offenders.Count == 0, $"lines over {MaxLineLength} characters:\n{string.Join('\n', offenders)}");
    }

    [Fact]
    public void NoSourceFileIsLongerThan320Lines()
    {
        var offenders = CSharpFiles(SourceFolders)
            .Select(f => (File: f, Lines: File.ReadLines(f).Count()))
            .Where(x => x.Lines > MaxFileLines)
            .Select(x => $"{Relative(x.File)} ({x.Lines} lines)")
            .ToList();
        Assert.True(offenders.Count == 0, $"files over {MaxFileLines} lines:\n{string.Join('\n', offenders)}");
    }

    [GeneratedRegex(@"^public(?: sealed| static| abstract| readonly| partial)* (?:class|record|enum|interface|struct) (\w+)",
        RegexOptions.Multiline)]
    private static partial Regex TopLevelPublicType();

    /// <summary>The public top-level types a file declares; an enum's companion "Names" class counts with it.</summary>
    public static IReadOnlyList<string> PublicTypes(string source)
    {
        var names = TopLevelPublicType().Matches(source).Select(m => m.Groups[1].Value).ToList();
        return names.Where(n => !(n.EndsWith('s') && names.Contains(n[..^1]))).ToList();
    }

    [Fact]
    public void LibraryFilesDeclareOnePublicTypeEach()
    {
        var offenders = CSharpFiles(LibraryFolders)
            .Select(f => (File: f, Types: PublicTypes(File.ReadAllText(f))))
            .Where(x => x.Types.Count > 1)
            .Select(x => $"{Relative(x.File)}: {string.Join(", ", x.Types)}")
            .ToList();
        Assert.True(offenders.Count == 0, $"files with more than one public type:\n{string.Join('\n', offenders)}");
    }

    [Fact]
    public void TheTypeRuleSeesASecondTypeAndAllowsAnEnumWithItsNames()
    {
        Assert.Equal(["Verdict"], PublicTypes("public enum Verdict { A }\npublic static class Verdicts { }"));
        Assert.Equal(["Query", "Answer"], PublicTypes("public sealed record Query();\npublic sealed record Answer();"));
    }

    /// <summary>Each library project may reference only the layers below it.</summary>
    [Theory]
    [InlineData("src/GeneralizationProofs.Core/GeneralizationProofs.Core.csproj", "")]
    [InlineData("verification/GeneralizationProofs.Verification/GeneralizationProofs.Verification.csproj", "Core")]
    [InlineData("harness/GeneralizationProofs.Harness/GeneralizationProofs.Harness.csproj", "Core,Verification")]
    [InlineData("src/GeneralizationProofs.Cli/GeneralizationProofs.Cli.csproj", "Core,Verification,Harness")]
    public void ProjectReferencesGoOneWay(string project, string allowed)
    {
        var permitted = allowed.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(a => $"GeneralizationProofs.{a}").ToHashSet();
        var references = XDocument.Load(Path.Combine(Root, project)).Descendants("ProjectReference")
            .Select(r => Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value.Replace('\\', '/')))
            .ToList();
        Assert.All(references, r => Assert.Contains(r, permitted));
    }
}
