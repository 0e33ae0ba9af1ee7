using System.Globalization;
using GeneralizationProofs.Catalog;
using GeneralizationProofs.Generalization;
using GeneralizationProofs.Harness.Campaign;
using GeneralizationProofs.Harness.Corpus;
using GeneralizationProofs.Harness.Study;
using GeneralizationProofs.Verification;
using GeneralizationProofs.Verification.Solver;

namespace GeneralizationProofs.Harness.Papers;

/// <summary>
/// The tables of papers/harness.md, each computed here by running the harness (never typed): the solvers that ran, the
/// corpus proof on a fixed sample, the campaigns (real strategies and mutants) and the strategy study's headline,
/// read from the CSV files <c>genproof bench-report</c> wrote. Grouped as <c>--only</c> names them.
/// </summary>
public sealed class HarnessPaper(PaperSettings settings, Action<string>? log = null)
{
    // Read once: the solvers, corpus and scaling tables all use it (16,000+ actions, parsed and checked on load).
    private ActionCatalog? _catalog;

    private ActionCatalog Catalog => _catalog ??= ActionCatalog.Load(settings.Catalog);

    public static readonly IReadOnlyList<string> Groups = ["solvers", "corpus", "scaling", "campaigns", "study"];

    public IReadOnlyList<PaperTable> Tables(IEnumerable<string> groups) => groups.SelectMany(g => g switch
    {
        "solvers" => [Solvers()],
        "corpus" => CorpusTables(),
        "scaling" => [ScalingTable.Build(Catalog, CorpusSample(ScalingTable.Denser(settings.Sample)), settings, log)],
        "campaigns" => CampaignTables(),
        "study" => [StudyHeadline.Table(settings.Results, settings.Command("study"))],
        _ => throw new ArgumentException($"unknown table group {g}", nameof(g)),
    }).ToList();

    /// <summary>
    /// The decision procedures as they report themselves when loaded (not as configured). The .NET runtime is left out: its
    /// patch level changes with every SDK update and says nothing about the proofs.
    /// </summary>
    public PaperTable Solvers()
    {
        using var z3 = new Z3Session();
        using var automata = new AutomatonSolver();
        var catalog = Catalog;
        IReadOnlyList<IReadOnlyList<string>> rows =
        [
            ["SMT solver", z3.SolverVersion, "Z3_get_full_version of the loaded libz3"],
            ["automata", automata.SolverVersion, "product version of the loaded Fare assembly"],
            ["offline re-check (scripts/recheck-smt.sh)", ToolVersion("z3"), "z3 --version"],
            ["offline re-check (scripts/recheck-smt.sh)", ToolVersion("cvc5"), "cvc5 --version, first line"],
            ["catalog of the corpus table", $"{catalog.Date} ({N(catalog.Count)} actions)", "the catalog file's date and size"],
        ];
        return new PaperTable(new Table("solvers", "What ran", ["component", "version", "read from"], rows), settings.Command("solvers"));
    }

    /// <summary>The first line a solver binary prints for --version, or why there is none.</summary>
    private static string ToolVersion(string tool)
    {
        try
        {
            using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo(tool, "--version")
            {
                RedirectStandardOutput = true, RedirectStandardError = true,
            })!;
            var first = process.StandardOutput.ReadLine() ?? "";
            process.WaitForExit(10_000);
            return first.Trim();
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "not installed";
        }
    }

    private IReadOnlyList<PaperTable> CorpusTables()
    {
        var catalog = Catalog;
        var files = CorpusSample();
        log?.Invoke($"paper: proving {files.Count} policies (every {settings.Sample}th), engines z3 + automata");
        var proofs = settings.CorpusProver(catalog).Run(files, settings.Jobs);
        var rows = proofs.GroupBy(p => Path.GetFileName(Path.GetDirectoryName(p.File))!).Select(g => CorpusRow(g.Key, g.ToList()))
            .Append(CorpusRow("total", proofs)).ToList();
        var command = settings.Command("corpus");
        var corpus = new Table("corpus", "Corpus proof",
            ["folder", "policies", "proved", "refuted", "unknown", "unreadable", "granted actions", "unused", "patterns before",
                "patterns after", "queries", "engine disagreements", "refine + prove s"], rows, new HashSet<int> { 12 });
        var slowest = proofs.Where(p => p.Report is not null).OrderByDescending(p => p.Milliseconds).Take(5)
            .Select((p, i) => (IReadOnlyList<string>)[N(i + 1), CorpusSummary.Id(p.File), N(p.RefinedPatterns), N(Queries(p)),
                p.Milliseconds.ToString("F0", CultureInfo.InvariantCulture)]).ToList();
        var slow = new Table("corpus-slowest", "Slowest policies", ["rank", "policy", "patterns after", "queries", "refine + prove ms"],
            slowest, new HashSet<int> { 0, 1, 2, 3, 4 });
        return [new PaperTable(corpus, command), new PaperTable(slow, command)];
    }

    /// <summary>Every <paramref name="sample"/>th policy of both shared folders (default <see cref="PaperSettings.Sample"/>).</summary>
    private IReadOnlyList<string> CorpusSample(int? sample = null)
    {
        var folders = new[] { "policies/aws-managed", "policies/aws-managed-raw" }.Select(SharedData.Require).ToList();
        return CorpusCase.Sample(CorpusCase.Files(folders), sample ?? settings.Sample);
    }

    private static IReadOnlyList<string> CorpusRow(string folder, IReadOnlyList<PolicyProof> proofs)
    {
        var summary = new CorpusSummary(new CorpusSettings("", "", "reference", 0, 0, 0, 0), proofs, 0);
        var seconds = proofs.Sum(p => p.Milliseconds) / 1000;
        return [folder, N(proofs.Count), N(summary.Count(PolicyStatus.Proved)), N(summary.Count(PolicyStatus.Refuted)),
            N(summary.Count(PolicyStatus.Unknown)), N(summary.Count(PolicyStatus.Unreadable)), N(proofs.Sum(p => p.GrantedActions)),
            N(proofs.Sum(p => p.UnusedActions)), N(proofs.Sum(p => p.OriginalPatterns)), N(proofs.Sum(p => p.RefinedPatterns)),
            N(proofs.Sum(Queries)), N(summary.Disagreements), seconds.ToString("F1", CultureInfo.InvariantCulture)];
    }

    private static int Queries(PolicyProof p) => p.Report?.Properties.Sum(q => q.Queries) ?? 0;

    private IReadOnlyList<PaperTable> CampaignTables()
    {
        var command = settings.Command("campaigns");
        var strategyRows = new List<IReadOnlyList<string>>();
        using var solver = Engines.Create(EngineChoice.Both, settings.TimeoutMs);
        using var campaign = new PropertyCampaign(solver);
        foreach (var strategy in Strategies.All)
        {
            log?.Invoke($"paper: campaign {strategy.Name}, {settings.Cases} cases");
            var result = campaign.Run(strategy, settings.Cases, settings.Seed, ["claims", "differential"]);
            var claims = result.Tallies[0];
            var differential = result.Tallies[1];
            strategyRows.Add([strategy.Name, string.Join(", ", PropertyKinds.In(strategy.Claims).Select(PropertyKinds.Name)),
                N(result.Cases), N(claims.Holds), N(claims.Fails), N(claims.Unknown),
                N(differential.Holds), N(differential.Fails), N(differential.Unknown),
                result.Seconds.ToString("F1", CultureInfo.InvariantCulture)]);
        }
        var strategies = new Table("campaign-strategies", "Campaigns on the real strategies",
            ["strategy", "claims", "cases", "claims proved", "refuted", "unknown", "differential held", "failed", "unknown", "s"],
            strategyRows, new HashSet<int> { 9 });
        var mutants = new Table("campaign-mutants", "Mutants: the first case of the seed that refutes each",
            ["mutant", "its bug", "first refuting case", "claims refuted there", "counterexample (first refuted claim)"],
            Mutants.All.Select(m => MutantRow(m, solver)).ToList());
        return [new PaperTable(strategies, command), new PaperTable(mutants, command)];
    }

    private IReadOnlyList<string> MutantRow(IGeneralizer mutant, IQuerySolver solver)
    {
        log?.Invoke($"paper: mutant {mutant.Name}");
        for (var i = 0; i < PaperSettings.MutantCases; i++)
        {
            var c = CaseGenerators.Case(settings.Seed, i, 24);
            var report = RefineAndProve.Run(mutant, c.Policy(), c.ActionCatalog(), c.UnusedSet(), solver, ProofScope.ClaimsOf(mutant))
                .Report;
            if (report.Verdict != Verdict.Refuted)
            {
                continue;
            }
            var refuted = report.Properties.Where(p => p.Claimed && p.Verdict == Verdict.Refuted).ToList();
            var example = refuted.SelectMany(p => p.Statements).FirstOrDefault(s => s.Counterexample is not null)?.Counterexample;
            var shown = example is null ? string.Join("; ", report.StructureProblems)
                : $"{PropertyKinds.Name(refuted.First(p => p.Statements.Any(s => s.Counterexample == example)).Property)}: "
                  + $"\"{Verification.Checks.WitnessReplay.Show(example.Action)}\"";
            return [mutant.Name, PaperTable.Cell(mutant.Description), N(i),
                string.Join(", ", refuted.Select(p => PropertyKinds.Name(p.Property))), PaperTable.Cell(shown)];
        }
        return [mutant.Name, PaperTable.Cell(mutant.Description), $"none in {PaperSettings.MutantCases}", "", ""];
    }

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
