using GeneralizationProofs.Generalization;
using GeneralizationProofs.Harness;
using GeneralizationProofs.Refinement;
using Xunit;

namespace GeneralizationProofs.Tests;

/// <summary>
/// The examples as golden cases: every folder under <c>examples/</c> with a <c>case.json</c> is refined with its
/// strategy and compared with its <c>expected.json</c> (what <c>genproof refine --format policy</c> prints).
/// A difference fails with a line diff. <c>GENPROOF_UPDATE_GOLDEN=1</c> writes the new output instead, to be
/// reviewed with <c>git diff examples/</c> before it is committed.
/// </summary>
public class GoldenCaseTests
{
    public const string UpdateVariable = "GENPROOF_UPDATE_GOLDEN";

    public static TheoryData<string> Cases => new(ExampleCase.Names());

    /// <summary>What <c>genproof refine --format policy</c> prints for the case.</summary>
    public static string Refine(ExampleCase example)
    {
        var catalog = TestData.CatalogOf(example);
        var unused = UnusedActions.Load(example.UnusedFile, catalog, ignoreStale: false, out _);
        var refinement = new PolicyRefiner(example.Generalizer, new GeneralizationContext(catalog, unused)).Refine(example.LoadPolicy());
        return RefinementOutput.PolicyJson(refinement);
    }

    /// <summary>Null when the texts agree; else a message with the line diff and how to accept the new output.</summary>
    public static string? Mismatch(string expectedFile, string expected, string actual)
    {
        // A checkout with CRLF line ends still matches.
        if (expected.Replace("\r\n", "\n") == actual)
        {
            return null;
        }
        var diff = LineDiff.Between(expected, actual);
        return $"{expectedFile} differs from the refined policy (- expected, + actual):\n"
              + (diff.Length > 0 ? diff : "(only in the line ends after the last line)\n")
              + $"If the new output is right: {UpdateVariable}=1 dotnet test tests/GeneralizationProofs.Core.Tests --filter GoldenCase, "
              + "then review git diff examples/";
    }

    [SkippableTheory]
    [MemberData(nameof(Cases))]
    public void RefinedPolicyIsTheExpectedOne(string name)
    {
        var example = ExampleCase.Named(name);
        var actual = Refine(example);
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            if (!File.Exists(example.ExpectedFile) || File.ReadAllText(example.ExpectedFile) != actual)
            {
                JsonInput.WriteAtomically(example.ExpectedFile, actual);
            }
            return;
        }
        Assert.True(File.Exists(example.ExpectedFile), $"{example.ExpectedFile} is missing; {UpdateVariable}=1 writes it");
        if (Mismatch(example.ExpectedFile, File.ReadAllText(example.ExpectedFile), actual) is { } message)
        {
            Assert.Fail(message);
        }
    }

    [Fact]
    public void EveryCaseSaysWhatItShows()
    {
        Assert.Contains(ExampleCase.Acceptance, ExampleCase.Names());
        Assert.True(ExampleCase.Names().Count(n => n.StartsWith("golden/", StringComparison.Ordinal)) >= 10);
        foreach (var example in ExampleCase.Names().Select(ExampleCase.Named))
        {
            Assert.True(example.Description.EndsWith('.'), $"{example.Name}: the description is one sentence");
            Assert.True(example.SharedCatalog is not null || File.Exists(example.CatalogFile),
                $"{example.Name}: {example.CatalogFile} is missing");
        }
    }

    [Fact]
    public void AChangedLineIsShownAsRemovedAndAdded()
    {
        var message = Mismatch("e.json", "{\n  \"a\": [\n    \"s3:GetObject*\",\n    \"s3:List*\"\n  ]\n}\n",
            "{\n  \"a\": [\n    \"s3:GetObject\",\n    \"s3:List*\"\n  ]\n}\n");
        Assert.NotNull(message);
        Assert.Contains("-     \"s3:GetObject*\",\n+     \"s3:GetObject\",\n", message);
        Assert.Contains("@@ expected line 1, actual line 1 @@", message);
        Assert.Null(Mismatch("e.json", "x\n", "x\n"));
    }
}
