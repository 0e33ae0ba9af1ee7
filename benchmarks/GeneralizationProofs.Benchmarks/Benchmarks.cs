using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using GeneralizationProofs.Catalog;
using GeneralizationProofs.Generalization;
using GeneralizationProofs.Harness;
using GeneralizationProofs.Harness.Reports;
using GeneralizationProofs.Policy;
using GeneralizationProofs.Refinement;
using GeneralizationProofs.Verification;
using GeneralizationProofs.Verification.Checks;
using GeneralizationProofs.Verification.Solver;

namespace GeneralizationProofs.Benchmarks;

/// <summary>The scope parameter the generalization, refinement and verification questions share.</summary>
public abstract class ScopedBenchmark
{
    [ParamsSource(nameof(Scopes))]
    public string Scope { get; set; } = "";

    public static IEnumerable<string> Scopes => Workload.Scopes;
}

/// <summary>How long does loading the June-2024 catalog (16,831 actions) take? Target: under 100 ms.</summary>
[MemoryDiagnoser]
[MedianColumn]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 15)]
public class CatalogLoadSpeed
{
    private string _file = "";

    [GlobalSetup]
    public void Setup() => _file = SharedData.Require(Workload.CatalogFile);

    [Benchmark]
    public int Load() => ActionCatalog.Load(_file).Count;
}

/// <summary>
/// How long does each strategy take to generalize, against the reference? Target: the reference on the whole
/// catalog at 20% unused under 50 ms; one service wildcard under 1 ms.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 15)]
public class GeneralizationSpeed : ScopedBenchmark
{
    private Workload _workload = null!;

    [Params(0.05, 0.2)]
    public double UnusedRate { get; set; }

    [GlobalSetup]
    public void Setup() => _workload = new Workload(Scope, UnusedRate);

    [Benchmark(Baseline = true)]
    public int Reference() => _workload.Generalize(TriePrefixGeneralizer.Reference());

    [Benchmark]
    public int Character() => _workload.Generalize(TriePrefixGeneralizer.Character());

    [Benchmark]
    public int Tightest() => _workload.Generalize(TriePrefixGeneralizer.Tightest());

    [Benchmark]
    public int Enumeration() => _workload.Generalize(new EnumerationGeneralizer());

    [Benchmark]
    public int VerbNoun() => _workload.Generalize(TriePrefixGeneralizer.VerbNoun());
}

/// <summary>How long does refining a whole policy take, JSON copy and cross-entry deduplication included?</summary>
[MemoryDiagnoser]
[MedianColumn]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 15)]
public class RefinementSpeed : ScopedBenchmark
{
    private Workload _workload = null!;
    private PolicyRefiner _refiner = null!;

    [GlobalSetup]
    public void Setup()
    {
        _workload = new Workload(Scope, 0.2);
        _refiner = new PolicyRefiner(TriePrefixGeneralizer.Reference(), _workload.Context);
    }

    [Benchmark]
    public int RefineReference() => _refiner.Refine(_workload.Policy).Statements.Count;
}

/// <summary>
/// How long does proving every property of a strategy's output take (solver start excluded, one session reused),
/// against the reference? A whole-catalog proof takes tens of seconds, so few iterations.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class VerificationSpeed : ScopedBenchmark
{
    private Workload _workload = null!;
    private Z3Session _solver = null!;
    private readonly Dictionary<string, PolicyDocument> _refined = [];

    [GlobalSetup]
    public void Setup()
    {
        _workload = new Workload(Scope, 0.2);
        _solver = new Z3Session();
        foreach (var strategy in Strategies.All)
        {
            var refinement = new PolicyRefiner(strategy, _workload.Context).Refine(_workload.Policy);
            _refined[strategy.Name] = PolicyDocument.Parse(refinement.Refined, "refined");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _solver.Dispose();

    private bool Prove(string name)
    {
        var strategy = Strategies.Find(name)!;
        var report = new PolicyVerifier(new CheckContext(_workload.Catalog, _workload.Unused, strategy, _solver, null))
            .Verify(_workload.Policy, _refined[name], strategy.Claims);
        return report.Proved ? true : throw new InvalidOperationException(ReportWriter.Text(report));
    }

    [Benchmark(Baseline = true)]
    public bool Reference() => Prove("reference");

    [Benchmark]
    public bool Tightest() => Prove("tightest");

    [Benchmark]
    public bool VerbNoun() => Prove("verb-noun");
}
