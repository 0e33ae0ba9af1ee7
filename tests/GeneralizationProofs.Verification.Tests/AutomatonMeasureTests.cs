using System.Diagnostics;
using GeneralizationProofs.Catalog;
using GeneralizationProofs.Generalization;
using GeneralizationProofs.Harness;
using GeneralizationProofs.Patterns;
using GeneralizationProofs.Policy;
using GeneralizationProofs.Refinement;
using GeneralizationProofs.Verification;
using GeneralizationProofs.Verification.Checks;
using GeneralizationProofs.Verification.Solver;
using Xunit;
using Xunit.Abstractions;

namespace GeneralizationProofs.Tests;

/// <summary>
/// The whole-catalog timing of issue 13 for both engines: <c>"Action": "*"</c> on the June-2024 catalog, 20% unused
/// (seed 1), refined by the reference strategy, the same case as <c>genproof measure</c>; the full verify (solver start
/// included) timed per engine, medians printed. Both engines must give the same verdict on every property. Slow, so it
/// runs only when asked:
/// <c>GENPROOF_MEASURE=1 dotnet test tests/GeneralizationProofs.Verification.Tests -c Release
/// --filter Category=Slow --logger "console;verbosity=detailed"</c> (<c>GENPROOF_RUNS</c>: runs per engine, default 5).
/// </summary>
[Trait("Category", "Slow")]
public class AutomatonMeasureTests(ITestOutputHelper output)
{
    [SkippableFact]
    public void WholeCatalogStarVerifiesWithBothEngines()
    {
        Skip.IfNot(Environment.GetEnvironmentVariable("GENPROOF_MEASURE") == "1", "the measurement runs with GENPROOF_MEASURE=1");
        var runs = int.TryParse(Environment.GetEnvironmentVariable("GENPROOF_RUNS"), out var n) && n > 0 ? n : 5;
        var catalog = TestData.Catalog("aws-2024-06-16.json");
        var matched = catalog.Matching(new ActionPattern("*")).Distinct().Order(StringComparer.Ordinal).ToList();
        var random = new Random(1);
        var unused = new ActionSet(matched.Where(_ => random.NextDouble() < 0.2));
        var strategy = Strategies.Find(Strategies.DefaultName)!;
        var policy = TestProofs.PolicyWith("*");
        var refinement = new PolicyRefiner(strategy, new GeneralizationContext(catalog, unused)).Refine(policy);
        var refined = PolicyDocument.Parse(refinement.Refined, "refined");
        output.WriteLine($"catalog {catalog.Date}: {catalog.Count} actions, {unused.Count} unused (seed 1); "
            + $"{refined.Statements.Sum(s => s.Actions.Count)} refined patterns ({strategy.Name})");

        var reports = new Dictionary<string, VerificationReport>();
        var engines = new (string, Func<IQuerySolver>)[]
        {
            ("automata", () => new AutomatonSolver()), ("z3", () => new Z3Session()), ("both", () => Engines.Create(EngineChoice.Both)),
        };
        foreach (var (engine, make) in engines)
        {
            var seconds = new List<double>();
            var cpuSeconds = new List<double>();
            for (var i = 0; i < runs; i++)
            {
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                var watch = Stopwatch.StartNew();
                using var solver = new TimedSolver(make());
                var context = new CheckContext(catalog, unused, strategy, solver);
                var report = new PolicyVerifier(context).Verify(policy, refined, strategy.Claims);
                seconds.Add(watch.Elapsed.TotalSeconds);
                cpuSeconds.Add((Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds);
                reports[engine] = report;
            }
            var last = reports[engine];
            output.WriteLine($"  inside the solver, last run: {TimedSolver.Last}");
            output.WriteLine($"{last.Solver}: verify median {Statistics.Median(seconds):F2} s over {runs} runs "
                + $"[{string.Join(", ", seconds.Select(s => s.ToString("F2")))}], CPU median {Statistics.Median(cpuSeconds):F2} s "
                + $"(the machine's load shows in wall time, less in CPU time); verdict {last.Verdict}");
            foreach (var p in last.Properties)
            {
                output.WriteLine($"  {p.Property,-13} {p.Verdict,-8} {p.Queries,6} queries {p.Milliseconds,9:F0} ms");
            }
        }
        var a = reports["automata"].Properties.Select(p => (p.Property, p.Verdict));
        var z = reports["z3"].Properties.Select(p => (p.Property, p.Verdict));
        Assert.Equal(z, a);
        Assert.Equal(z, reports["both"].Properties.Select(p => (p.Property, p.Verdict)));
        Assert.True(reports["automata"].Proved, "the reference refinement of * is not proved by the automata");
    }

    /// <summary>Times the engine itself (not the narrowing around it), per kind of query; answers pass through.</summary>
    private sealed class TimedSolver(IQuerySolver inner) : IQuerySolver
    {
        private readonly Dictionary<string, (int Count, double Ms)> _byKind = [];

        public static string Last { get; private set; } = "";

        public string SolverVersion => inner.SolverVersion;

        public Answer Decide(Query query)
        {
            var watch = Stopwatch.StartNew();
            var answer = inner.Decide(query);
            var kind = query.Name.Split(' ')[0] + (query.Candidates is null ? " (all strings)" : "");
            var (count, ms) = _byKind.GetValueOrDefault(kind);
            _byKind[kind] = (count + 1, ms + watch.Elapsed.TotalMilliseconds);
            return answer;
        }

        public void Dispose()
        {
            Last = string.Join(", ", _byKind.Select(k => $"{k.Key} {k.Value.Count}× {k.Value.Ms:F0} ms"));
            inner.Dispose();
        }
    }
}
