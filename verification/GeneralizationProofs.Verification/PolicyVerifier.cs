using System.Diagnostics;
using System.Text.Json.Nodes;
using GeneralizationProofs.Generalization;
using GeneralizationProofs.Policy;
using GeneralizationProofs.Verification.Checks;

namespace GeneralizationProofs.Verification;

/// <summary>One property over the whole policy: the worst statement outcome, with every counterexample and witness.</summary>
public sealed record PropertyReport(
    PropertyKind Property,
    bool Claimed,
    Outcome Outcome,
    int Queries,
    double Milliseconds,
    IReadOnlyList<PropertyOutcome> Statements);

public sealed record VerificationReport(
    string Policy,
    string Strategy,
    string Solver,
    string Catalog,
    IReadOnlyList<string> StructureProblems,
    IReadOnlyList<PropertyReport> Properties)
{
    /// <summary>0 every claimed property proved; 1 a claimed property refuted (or the structure broken); 2 one unknown.</summary>
    public int ExitCode =>
        StructureProblems.Count > 0 || Properties.Any(p => p.Claimed && p.Outcome == Outcome.Refuted) ? 1
        : Properties.Any(p => p.Claimed && p.Outcome == Outcome.Unknown) ? 2
        : 0;

    public bool Proved => ExitCode == 0;
}

/// <summary>
/// Proves the properties of spec §4 for a refinement: original policy, unused actions, catalog, refined policy.
/// Statements are aligned in order by everything but their Action list; Deny and NotAction statements must come
/// through unchanged (the structure check). Claimed properties are proved; the others are measured and marked so.
/// </summary>
public sealed class PolicyVerifier(CheckContext context)
{
    public static readonly PropertyKind[] Order =
    [
        PropertyKind.Sound, PropertyKind.NoEscalation, PropertyKind.Complete,
        PropertyKind.Maximal, PropertyKind.NonRedundant, PropertyKind.MinimumSize,
    ];

    public VerificationReport Verify(PolicyDocument original, PolicyDocument refined, PropertyKind claimed, PropertyKind measured = PropertyKind.All)
    {
        var (cases, problems) = Align(original, refined);
        var reports = new List<PropertyReport>();
        var keptCache = new Dictionary<StatementCase, (ActionSet?, PropertyOutcome?)>();
        foreach (var property in Order.Where(p => (claimed | measured).HasFlag(p)))
        {
            var watch = Stopwatch.StartNew();
            var outcomes = cases.Select(c => CheckStatement(property, c, keptCache)).ToList();
            var outcome = outcomes.Any(o => o.Outcome == Outcome.Refuted) ? Outcome.Refuted
                : outcomes.Any(o => o.Outcome == Outcome.Unknown) ? Outcome.Unknown
                : Outcome.Proved;
            reports.Add(new PropertyReport(property, claimed.HasFlag(property), outcome, outcomes.Sum(o => o.Queries), watch.Elapsed.TotalMilliseconds, outcomes));
        }
        return new VerificationReport(original.Name, context.Strategy.Name, context.SolverVersion,
            $"{context.Catalog.Date} ({context.Catalog.Count} actions)", problems, reports);
    }

    private PropertyOutcome CheckStatement(PropertyKind property, StatementCase statement, Dictionary<StatementCase, (ActionSet?, PropertyOutcome?)> keptCache)
    {
        switch (property)
        {
            case PropertyKind.Sound:
                return SoundnessCheck.Check(statement, context);
            case PropertyKind.NoEscalation:
                return NoEscalationCheck.Check(statement, context);
            case PropertyKind.Maximal:
                return MaximalityCheck.Check(statement, context);
        }
        if (!keptCache.TryGetValue(statement, out var kept))
        {
            keptCache[statement] = kept = KeptActions.Compute(statement, context, property);
        }
        if (kept.Item1 is not { } keptSet)
        {
            return kept.Item2! with { Property = property };
        }
        return property switch
        {
            PropertyKind.Complete => CompletenessCheck.Check(statement, keptSet, context),
            PropertyKind.NonRedundant => NonRedundancyCheck.Check(statement, keptSet, context),
            PropertyKind.MinimumSize => MinimumSizeCheck.Check(statement, keptSet, context),
            _ => throw new ArgumentOutOfRangeException(nameof(property)),
        };
    }

    /// <summary>
    /// Pairs each original Allow + Action statement with the refined statement that has the same content apart from
    /// Action (in order); an original with no partner was removed (its refined list is empty). Everything else must
    /// be equal: Deny and NotAction statements verbatim, no refined statement without an original.
    /// </summary>
    public static (List<StatementCase> Cases, List<string> Problems) Align(PolicyDocument original, PolicyDocument refined)
    {
        var cases = new List<StatementCase>();
        var problems = new List<string>();
        var next = 0;
        foreach (var statement in original.Statements)
        {
            var partner = next < refined.Statements.Count && SameApartFromAction(statement, refined.Statements[next]) ? refined.Statements[next] : null;
            if (partner is not null)
            {
                next++;
            }
            if (statement.IsRefinable)
            {
                cases.Add(new StatementCase(statement.Label, statement.Actions, partner?.Actions ?? []));
            }
            else if (partner is null || !partner.Actions.SequenceEqual(statement.Actions))
            {
                problems.Add($"{statement.Label} ({statement.Effect}{(statement.IsNotAction ? ", NotAction" : "")}) must be kept verbatim but was changed or removed");
            }
        }
        for (; next < refined.Statements.Count; next++)
        {
            problems.Add($"refined {refined.Statements[next].Label} has no counterpart in the original policy");
        }
        return (cases, problems);
    }

    private static bool SameApartFromAction(Statement a, Statement b)
    {
        if (a.IsNotAction != b.IsNotAction || a.Effect != b.Effect)
        {
            return false;
        }
        static JsonObject Rest(Statement s)
        {
            var copy = (JsonObject)s.Node.DeepClone();
            copy.Remove("Action");
            copy.Remove("NotAction");
            return copy;
        }
        return JsonNode.DeepEquals(Rest(a), Rest(b));
    }
}
