using GeneralizationProofs.Harness;
using GeneralizationProofs.Harness.Papers;
using Xunit;

namespace GeneralizationProofs.Tests;

/// <summary>
/// papers/harness.md holds no typed number: its tables equal a fresh run of <c>genproof paper</c> with the settings
/// its reproduce lines name (the defaults), timing columns excepted; and the comparison catches an edited table.
/// </summary>
public class HarnessPaperTests
{
    private const string PaperPath = "papers/harness.md";

    [SkippableFact]
    public void CommittedTablesMatchAFreshRunAndAnEditedCellIsCaught()
    {
        var paper = RepositoryRoot.Require(PaperPath);
        var settings = new PaperSettings(PaperPath, TestData.Path(PaperSettings.DefaultCatalog), null, PaperSettings.DefaultSample,
            PaperSettings.DefaultCases, PaperSettings.DefaultSeed, RepositoryRoot.Require("papers/results"), Environment.ProcessorCount);
        var fresh = new HarnessPaper(settings).Tables(HarnessPaper.Groups);
        var text = File.ReadAllText(paper);
        var differences = PaperComparison.Differences(text, fresh);
        Assert.True(differences.Count == 0, "regenerate with `genproof paper --out papers/harness.md`:\n" + string.Join('\n', differences));

        // An edited deterministic cell (the corpus total's proved count) is a difference naming the table, row and column.
        var corpus = ResultsBlocks.Read(text)["corpus"];
        var total = corpus.Split('\n').Single(l => l.StartsWith("| total |"));
        var cells = total.Split(" | ");
        cells[2] = (int.Parse(cells[2].Replace(",", "")) - 1).ToString();
        var edited = text.Replace(total, string.Join(" | ", cells));
        var found = PaperComparison.Differences(edited, fresh);
        Assert.Contains(found, d => d.StartsWith("corpus, row") && d.Contains("column proved"));
        // A changed timing cell is not a difference.
        var timing = string.Join(" | ", total.Split(" | ")[..^1]) + " | 999999.9 |";
        Assert.Empty(PaperComparison.Differences(text.Replace(total, timing), fresh));
    }

    [Fact]
    public void AnUnknownTableGroupOrAMissingPaperIsBadInputAndWritesNothing()
    {
        var dir = Directory.CreateTempSubdirectory("genproof-paper-").FullName;
        try
        {
            var paper = Path.Combine(dir, "paper.md");
            const string text = "# p\n<!-- results:solvers -->\nold\n<!-- /results -->\n";
            File.WriteAllText(paper, text);
            var unknown = CliRunner.InProcess(["paper", "--out", paper, "--only", "corpus,bogus"]);
            unknown.AssertNoCrash("paper --only bogus");
            Assert.Equal(2, unknown.Code);
            Assert.Contains("--only", unknown.Err);
            Assert.Contains("'bogus' is not a table group", unknown.Err);
            Assert.Equal(text, File.ReadAllText(paper));
            var missing = CliRunner.InProcess(["paper", "--out", Path.Combine(dir, "absent.md"), "--only", "solvers"]);
            Assert.Equal(2, missing.Code);
            Assert.Contains("absent.md", missing.Err);
            Assert.False(File.Exists(Path.Combine(dir, "absent.md")));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
