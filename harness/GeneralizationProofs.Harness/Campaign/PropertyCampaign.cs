using System.Diagnostics;
using GeneralizationProofs.Generalization;
using GeneralizationProofs.Verification;
using GeneralizationProofs.Verification.Solver;

namespace GeneralizationProofs.Harness.Campaign;

/// <summary>
/// Runs the <see cref="CaseProperties"/> over generated cases, the same way for <c>genproof check</c> and the tests:
/// case i of seed s is <see cref="CaseGenerators.Case"/>(s, i), so any failure replays from two numbers. The first
/// failure of each property is shrunk (greedily, one smaller case at a time, while it still fails).
/// </summary>
public sealed class PropertyCampaign(IQuerySolver solver, int maxActions = 24) : IDisposable
{
    private const int MaxShrinkAttempts = 400;
    private readonly CaseProperties _properties = new(solver);

    public RandomCase Case(int seed, int index) => CaseGenerators.Case(seed, index, maxActions);

    /// <summary>The seed a property's own randomness (case variants, extra unused) uses on case <paramref name="index"/>.</summary>
    public static int PropertySeed(int seed, int index) => unchecked(seed * 7919 + index);

    public CaseResult Check(string property, IPolicyStrategy strategy, int seed, int index) =>
        _properties.Check(property, strategy, Case(seed, index), PropertySeed(seed, index));

    /// <param name="include">which case indices to run (a shard of the campaign); all when null. Cases counts the ones run.</param>
    public CampaignResult Run(IPolicyStrategy strategy, int cases, int seed, IReadOnlyList<string>? properties = null,
        Action<int, int>? progress = null, Func<int, bool>? include = null)
    {
        var names = properties ?? CaseProperties.Names;
        var watch = Stopwatch.StartNew();
        var counts = names.ToDictionary(n => n, _ => (Holds: 0, Fails: 0, Unknown: 0, Seconds: 0.0));
        var failures = new List<CampaignFailure>();
        var run = 0;
        var unknowns = new List<CampaignUnknown>();
        for (var i = 0; i < cases; i++)
        {
            if (include is not null && !include(i))
            {
                continue;
            }
            run++;
            var c = Case(seed, i);
            foreach (var name in names)
            {
                var started = watch.Elapsed.TotalSeconds;
                var verdict = _properties.Check(name, strategy, c, PropertySeed(seed, i));
                var (holds, fails, unknown, seconds) = counts[name];
                counts[name] = verdict.Verdict switch
                {
                    Verdict.Proved => (holds + 1, fails, unknown, seconds),
                    Verdict.Refuted => (holds, fails + 1, unknown, seconds),
                    _ => (holds, fails, unknown + 1, seconds),
                };
                if (verdict.Verdict == Verdict.Unknown && unknowns.All(u => u.Property != name))
                {
                    unknowns.Add(new CampaignUnknown(name, i, verdict.Message));
                }
                if (verdict.Verdict == Verdict.Refuted && failures.All(f => f.Property != name))
                {
                    failures.Add(Shrink(name, strategy, seed, i, c, verdict));
                }
                counts[name] = counts[name] with { Seconds = counts[name].Seconds + watch.Elapsed.TotalSeconds - started };
            }
            progress?.Invoke(i + 1, cases);
        }
        var tallies = names
            .Select(n => new PropertyTally(n, run, counts[n].Holds, counts[n].Fails, counts[n].Unknown, counts[n].Seconds)).ToList();
        // An exec: strategy's claims come from --claims, not from the strategy: the replay line must repeat them.
        var replay = strategy is External.ExternalStrategy && strategy.Claims != External.ExternalStrategy.DefaultClaims
            ? $" --claims {string.Join(',', PropertyKinds.In(strategy.Claims).Select(PropertyKinds.Name))}"
            : "";
        return new CampaignResult(strategy.Name, seed, run, tallies, failures, watch.Elapsed.TotalSeconds, replay) { Unknowns = unknowns };
    }

    /// <summary>Frees the differential property's engines (the claims solver belongs to the caller).</summary>
    public void Dispose() => _properties.Dispose();

    /// <summary>Greedy shrinking: take the first smaller case that still fails the property, until none does.</summary>
    public CampaignFailure Shrink(string property, IPolicyStrategy strategy, int seed, int index, RandomCase found, CaseResult verdict)
    {
        var smallest = found;
        var message = verdict.Message;
        var steps = 0;
        var attempts = 0;
        var propertySeed = PropertySeed(seed, index);
        var shrunk = true;
        while (shrunk && attempts < MaxShrinkAttempts)
        {
            shrunk = false;
            foreach (var candidate in smallest.Shrink())
            {
                if (++attempts > MaxShrinkAttempts)
                {
                    break;
                }
                CaseResult result;
                try
                {
                    result = _properties.Check(property, strategy, candidate, propertySeed);
                }
                catch (InputException)
                {
                    continue; // a shrink step that made the case unreadable (e.g. an unused action left the catalog) is no counterexample
                }
                if (result.Verdict == Verdict.Refuted)
                {
                    smallest = candidate;
                    message = result.Message;
                    steps++;
                    shrunk = true;
                    break;
                }
            }
        }
        return new CampaignFailure(property, seed, index, found, smallest, message, steps);
    }
}
