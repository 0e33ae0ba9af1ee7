using System.Diagnostics;
using System.Text.Json.Nodes;
using GeneralizationProofs.Generalization;
using GeneralizationProofs.Patterns;
using GeneralizationProofs.Policy;
using GeneralizationProofs.Verification.Checks;

namespace GeneralizationProofs.Verification;

/// <summary>
/// Proves the properties of spec §4 for a refinement: original policy, unused actions, catalog, refined policy.
/// Statements are aligned in order by everything but their Action (NotAction) list; Deny statements and document-level
/// keys must come through unchanged (the structure check); Allow + NotAction statements are proved as spec §3 says
/// (<see cref="NotActionChecks"/>). Claimed properties are proved; the others are measured and marked so. The report
/// accounts for every statement and key (<see cref="DocumentAccounting"/>).
/// </summary>
public sealed class PolicyVerifier(CheckContext context)
{
    /// <param name="cancel">checked between statements (a solver built with the same token also stops inside a query).</param>
    public VerificationReport Verify(PolicyDocument original, PolicyDocument refined, PropertyKind claimed,
        PropertyKind measured = PropertyKind.All, CancellationToken cancel = default)
    {
        var alignment = AlignDocument(original, refined);
        var (cases, problems) = (alignment.Cases, alignment.Problems);
        var reports = new List<PropertyReport>();
        var keptCache = new Dictionary<StatementCase, (ActionSet?, PropertyOutcome?)>();
        foreach (var property in PropertyKinds.Order.Where(p => (claimed | measured).HasFlag(p)))
        {
            var watch = Stopwatch.StartNew();
            var notAction = alignment.NotActionCases.Select(c => NotActionChecks.Check(property, c, context)).OfType<PropertyOutcome>();
            var outcomes = cases.Select(c =>
            {
                cancel.ThrowIfCancellationRequested();
                return CheckStatement(property, c, keptCache);
            }).Concat(notAction).ToList();
            var outcome = Verdicts.All(outcomes.Select(o => o.Verdict));
            reports.Add(new PropertyReport(property, claimed.HasFlag(property), outcome, outcomes.Sum(o => o.Queries),
                watch.Elapsed.TotalMilliseconds, outcomes));
        }
        return new VerificationReport(original.Name, context.Strategy.Name, context.SolverVersion,
            $"{context.Catalog.Date} ({context.Catalog.Count} actions)", problems, reports,
            DocumentAccounting.Build(alignment, refined, reports, context));
    }

    private PropertyOutcome CheckStatement(PropertyKind property, StatementCase statement,
        Dictionary<StatementCase, (ActionSet?, PropertyOutcome?)> keptCache)
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

    public static (List<StatementCase> Cases, List<string> Problems) Align(PolicyDocument original, PolicyDocument refined)
    {
        var alignment = AlignDocument(original, refined);
        return (alignment.Cases, alignment.Problems);
    }

    /// <summary>
    /// Pairs each original statement with the refined statement that has the same content apart from Action or
    /// NotAction (in order); an original with no partner was removed (an Action list: empty; a NotAction list: judged as
    /// [*], granting nothing). Everything else must be equal: Deny statements verbatim, the document-level keys, no
    /// refined statement without an original.
    /// </summary>
    public static DocumentAlignment AlignDocument(PolicyDocument original, PolicyDocument refined)
    {
        var partners = Partners(original.Statements, refined.Statements);
        var cases = new List<StatementCase>();
        var notActionCases = new List<NotActionCase>();
        var statements = new List<AlignedStatement>();
        var problems = new List<string>();
        for (var i = 0; i < original.Statements.Count; i++)
        {
            var statement = original.Statements[i];
            var partner = partners[i] is { } j ? refined.Statements[j] : null;
            var label = statement.IsAllowNotAction ? DocumentAccounting.NotActionLabel(statement) : statement.Label;
            statements.Add(new AlignedStatement(statement, partner, label));
            if (statement.IsRefinable)
            {
                cases.Add(new StatementCase(label, statement.Actions, partner?.Actions ?? []));
            }
            else if (statement.IsAllowNotAction)
            {
                notActionCases.Add(new NotActionCase(label, statement.Actions, partner?.Actions ?? ["*"]));
            }
            else if (partner is null || !partner.Actions.SequenceEqual(statement.Actions))
            {
                problems.Add($"{statement.Label} ({statement.Kind}) must be kept verbatim but was changed or removed");
            }
        }
        var matched = partners.OfType<int>().ToHashSet();
        for (var j = 0; j < refined.Statements.Count; j++)
        {
            if (!matched.Contains(j))
            {
                problems.Add($"refined {refined.Statements[j].Label} has no counterpart in the original policy");
            }
        }
        var keys = DocumentAccounting.CompareKeys(original, refined, problems);
        return new DocumentAlignment(cases, notActionCases, problems, statements, keys);
    }

    /// <summary>
    /// Which refined statement each original one became (null: removed). Statements keep their order and all but
    /// their Action; several may look alike apart from Action (no Sid, same Resource), and one of them may have been
    /// removed, so a greedy match can pair a statement with its neighbour's refinement. Among the order-keeping
    /// matchings with the most pairs, this takes the one whose refined patterns are most plainly derived from
    /// their original's (<see cref="Derived"/>).
    /// </summary>
    private static int?[] Partners(IReadOnlyList<Statement> original, IReadOnlyList<Statement> refined)
    {
        int n = original.Count, m = refined.Count;
        // Each pair is judged once (the DP and its walk back both read it): null when the two cannot be partners,
        // else how many refined patterns derive from the original's. Each statement's rest is cloned once.
        var originalRest = original.Select(Rest).ToList();
        var refinedRest = refined.Select(Rest).ToList();
        // The usual case, no statement removed: with as many statements on both sides, a matching with n pairs is
        // the identity, the one the DP below would choose when every i pairs with i. Checking that is linear; the
        // DP is quadratic in time and memory (12,000 statements: 144M pairs, two 1 GB tables).
        if (n == m && Enumerable.Range(0, n).All(i => Same(i, i)))
        {
            return Enumerable.Range(0, n).Select(i => (int?)i).ToArray();
        }
        var derived = new int?[n, m];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < m; j++)
            {
                derived[i, j] = Same(i, j) ? Derived(original[i], refined[j]) : null;
            }
        }
        var best = new (int Pairs, int Derived)[n + 1, m + 1];
        for (var i = n - 1; i >= 0; i--)
        {
            for (var j = m - 1; j >= 0; j--)
            {
                best[i, j] = Max(best[i + 1, j], best[i, j + 1]);
                if (derived[i, j] is { } d)
                {
                    best[i, j] = Max(best[i, j], (best[i + 1, j + 1].Pairs + 1, best[i + 1, j + 1].Derived + d));
                }
            }
        }
        var partners = new int?[n];
        for (int i = 0, j = 0; i < n && j < m;)
        {
            if (derived[i, j] is { } d && best[i, j] == (best[i + 1, j + 1].Pairs + 1, best[i + 1, j + 1].Derived + d))
            {
                partners[i++] = j++;
            }
            else if (best[i, j] == best[i + 1, j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }
        return partners;

        bool Same(int i, int j) => original[i].IsNotAction == refined[j].IsNotAction && original[i].Effect == refined[j].Effect
            && JsonNode.DeepEquals(originalRest[i], refinedRest[j]);

        static (int, int) Max((int Pairs, int Derived) a, (int Pairs, int Derived) b) =>
            a.Pairs != b.Pairs ? (a.Pairs > b.Pairs ? a : b) : (a.Derived >= b.Derived ? a : b);

        static JsonObject Rest(Statement s)
        {
            var copy = (JsonObject)s.Node.DeepClone();
            copy.Remove("Action");
            copy.Remove("NotAction");
            return copy;
        }
    }

    /// <summary>
    /// How plainly the refined patterns derive from the original's: an entry come through verbatim counts twice, a
    /// literal the original matches or a glob narrowing an original glob once. Verbatim weighs more because it names
    /// its source: a statement kept unchanged must not lose its partner to a removed neighbour whose wildcard merely
    /// matches the same literal (that pairing would judge the verbatim entry as emitted, a false M2 refutation).
    /// </summary>
    private static int Derived(Statement original, Statement refined)
    {
        var sources = original.Actions.Select(a => new ActionPattern(a)).ToList();
        return refined.Actions.Select(a => new ActionPattern(a)).Sum(r =>
            sources.Any(o => AsciiCase.Equal(o.Text, r.Text)) ? 2
            : sources.Any(o => (r.IsLiteral && o.Matches(r.Text))
                || (r.IsPrefixGlob && o.IsPrefixGlob && AsciiCase.StartsWith(r.LiteralPrefix, o.LiteralPrefix))) ? 1
            : 0);
    }
}
