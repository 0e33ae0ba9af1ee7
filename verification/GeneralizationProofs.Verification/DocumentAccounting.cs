using System.Text.Json.Nodes;
using GeneralizationProofs.Generalization;
using GeneralizationProofs.Patterns;
using GeneralizationProofs.Policy;
using GeneralizationProofs.Verification.Checks;

namespace GeneralizationProofs.Verification;

/// <summary>
/// Accounts for every part of a policy document, so a verdict never covers less than it seems to: each statement (proved
/// unchanged, refined as the proofs say, or a structure problem) and each document-level key (Version, Id, unknown keys:
/// unchanged, or a structure problem when changed, dropped or added). The wrapper of a corpus file is listed as outside
/// what was checked, with the reason.
/// </summary>
public static class DocumentAccounting
{
    /// <summary>A statement's name in the accounting: "Statement 2 (Deny)", "Statement 0 (Sid Admin, Allow, NotAction)".</summary>
    public static string Describe(Statement statement) =>
        $"Statement {statement.Index} ({(statement.Sid is { } sid ? $"Sid {sid}, " : "")}{statement.Kind})";

    /// <summary>The label a NotAction statement's proofs carry, so reports say which kind of statement they are about.</summary>
    public static string NotActionLabel(Statement statement) =>
        $"Statement {statement.Index} ({(statement.Sid is { } sid ? $"Sid {sid}, " : "")}NotAction)";

    /// <summary>Document-level keys compared one by one; a problem for each one changed, dropped or added.</summary>
    public static List<Account> CompareKeys(PolicyDocument original, PolicyDocument refined, List<string> problems)
    {
        var accounts = new List<Account>();
        foreach (var (key, value) in original.Document.Where(p => p.Key != "Statement"))
        {
            if (!refined.Document.TryGetPropertyValue(key, out var now))
            {
                problems.Add($"document key {key} was dropped (it was {Show(value)})");
                accounts.Add(new Account(key, AccountStatus.Problem, $"dropped from the refined policy (was {Show(value)})", []));
            }
            else if (!JsonNode.DeepEquals(value, now))
            {
                problems.Add($"document key {key} was changed from {Show(value)} to {Show(now)}");
                accounts.Add(new Account(key, AccountStatus.Problem, $"changed from {Show(value)} to {Show(now)}", []));
            }
            else
            {
                accounts.Add(new Account(key, AccountStatus.Unchanged, $"unchanged ({Show(value)})", []));
            }
        }
        foreach (var (key, value) in refined.Document.Where(p => p.Key != "Statement" && !original.Document.ContainsKey(p.Key)))
        {
            problems.Add($"document key {key} was added ({Show(value)})");
            accounts.Add(new Account(key, AccountStatus.Problem, $"added by the refinement ({Show(value)})", []));
        }
        if (!ReferenceEquals(original.Root, original.Document))
        {
            var wrapper = string.Join(", ", original.Root.AsObject().Select(p => p.Key)
                .Where(k => k != "document" && k != "PolicyVersion").Take(8));
            accounts.Add(new Account($"wrapper ({original.DocumentPlace})", AccountStatus.NotChecked,
                $"outside what was checked: the refined policy is the document itself, not the corpus wrapper ({wrapper})", []));
        }
        accounts.Add(new Account("key order, whitespace, Statement as object or array", AccountStatus.NotChecked,
            "outside what was checked: no meaning to IAM (the refiner keeps them)", []));
        return accounts;
    }

    /// <summary>One account per original statement, then one per refined statement without an original, then the keys.</summary>
    public static List<Account> Build(
        DocumentAlignment alignment, PolicyDocument refined, IReadOnlyList<PropertyReport> reports, CheckContext context)
    {
        var accounts = new List<Account>();
        var generalization = new GeneralizationContext(context.Catalog, context.Unused);
        // Indexed once: a scan of every outcome per statement was quadratic (12,000 statements: 864M comparisons).
        var proofs = reports.SelectMany(r => r.Statements
                .Select(s => (s.Statement, s.Verdict, Name: PropertyKinds.Name(r.Property) + (r.Claimed ? "" : " (measured)"))))
            .ToLookup(o => o.Statement, o => (o.Verdict, o.Name), StringComparer.Ordinal);
        foreach (var (original, partner, label) in alignment.Statements)
        {
            var subject = Describe(original);
            if (original.Effect == Effect.Deny)
            {
                accounts.Add(partner is not null && partner.Actions.SequenceEqual(original.Actions)
                    ? new Account(subject, AccountStatus.Unchanged, "unchanged, not refined by design (a Deny is never widened or removed)",
                        [])
                    : new Account(subject, AccountStatus.Problem, "changed or removed, but a Deny must stay verbatim", []));
                continue;
            }
            var after = partner?.Actions ?? [];
            var stillGranted = original.IsNotAction
                ? NotActionExclusions.StillGranted(partner is null ? ["*"] : after, generalization)
                : GrantedUnused(after, context);
            var list = original.IsNotAction ? "NotAction" : "Action";
            var (status, what) = partner is null
                ? (AccountStatus.Removed, original.IsNotAction ? "removed (judged as NotAction [\"*\"]: it grants nothing)" : "removed")
                : after.SequenceEqual(original.Actions)
                    ? (AccountStatus.Unchanged, "unchanged")
                    : (AccountStatus.Refined, $"refined, {list} {original.Actions.Count} -> {after.Count} entries");
            var detail = what + "; " + Proofs(proofs[label].ToList());
            var undefined = reports.Where(r => !NotActionChecks.Defined.HasFlag(r.Property))
                .Select(r => PropertyKinds.Name(r.Property)).ToList();
            if (original.IsNotAction && undefined.Count > 0)
            {
                detail += $"; {string.Join(", ", undefined)}: not defined for NotAction additions (spec §3), not checked";
            }
            if (stillGranted.Count > 0)
            {
                detail += $"; STILL GRANTS {stillGranted.Count} unused action(s)";
            }
            accounts.Add(new Account(subject, status, detail, stillGranted));
        }
        var matched = alignment.Statements.Select(s => s.Partner).OfType<Statement>().ToHashSet();
        foreach (var extra in refined.Statements.Where(s => !matched.Contains(s)))
        {
            accounts.Add(new Account($"refined {Describe(extra)}", AccountStatus.Problem, "no counterpart in the original", []));
        }
        accounts.AddRange(alignment.Keys);
        return accounts;
    }

    /// <summary>What the proofs said about one statement, grouped by outcome; properties not claimed marked measured.</summary>
    private static string Proofs(List<(Verdict Verdict, string Name)> outcomes)
    {
        if (outcomes.Count == 0)
        {
            return "no property was checked";
        }
        return string.Join("; ", outcomes.GroupBy(o => o.Verdict).OrderBy(g => g.Key)
            .Select(g => $"{g.Key.ToString().ToLowerInvariant()}: {string.Join(", ", g.Select(o => o.Name))}"));
    }

    /// <summary>The unused actions an Action list grants, by the matcher (narrowed by each pattern's literal prefix).</summary>
    private static List<string> GrantedUnused(IReadOnlyList<string> actions, CheckContext context) =>
        actions.SelectMany(p => context.Unused.WithPrefix(new ActionPattern(p).LiteralPrefix).ToArray()
                .Where(u => ActionPattern.Match(p, u)))
            .Distinct(AsciiCase.EqualityComparer).Order(AsciiCase.Comparer).ToList();

    private static string Show(JsonNode? value)
    {
        var text = value?.ToJsonString() ?? "null";
        return text.Length > 60 ? text[..57] + "..." : text;
    }
}
