using System.Text.Json.Nodes;
using GeneralizationProofs.Catalog;
using GeneralizationProofs.Generalization;
using GeneralizationProofs.Patterns;
using GeneralizationProofs.Policy;
using GeneralizationProofs.Refinement;
using Xunit;

namespace GeneralizationProofs.Tests;

/// <summary>Real data: every policy of both shared folders.</summary>
public class CorpusTests
{
    [SkippableFact]
    public void EveryRawPolicyRoundTrips()
    {
        var files = Directory.GetFiles(TestData.Path("policies/aws-managed-raw"));
        Assert.True(files.Length > 1500, $"expected the 1,523 raw policies, found {files.Length}");
        foreach (var file in files)
        {
            var policy = PolicyDocument.Load(file);
            var written = PolicyDocument.Write(policy.Root);
            var again = PolicyDocument.FromText(written, file);
            Assert.True(JsonNode.DeepEquals(policy.Root, again.Root), $"{file} does not round-trip");
            Assert.Equal(policy.Root.AsObject().Select(p => p.Key), again.Root.AsObject().Select(p => p.Key));
        }
    }

    /// <summary>
    /// Refines every wrapped corpus policy with a seeded 30% of its granted catalog actions unused and checks the
    /// result by brute force over the catalog: no unused action granted, every kept action still granted. The oracle
    /// scans catalog actions with the plain matcher and shares no code with the trie.
    /// </summary>
    [SkippableFact]
    public void RefinementOfEveryCorpusPolicyIsSoundAndCompleteByBruteForce()
    {
        var catalog = TestData.Catalog("aws-2026-08-21.json");
        var byService = catalog.Actions.GroupBy(a => a[..a.IndexOf(':')], StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.OrdinalIgnoreCase);
        var files = Directory.GetFiles(TestData.Path("policies/aws-managed"));
        Assert.True(files.Length > 1600, $"expected the 1,617 wrapped policies, found {files.Length}");
        var refinedStatements = 0;
        foreach (var file in files)
        {
            var policy = PolicyDocument.Load(file);
            var random = new Random(StableSeed(file));
            var granted = policy.Statements.Where(s => s.IsRefinable)
                .SelectMany(s => s.Actions.SelectMany(p => Scan(p, catalog, byService))).Distinct().Order(StringComparer.Ordinal).ToList();
            var unused = new ActionSet(granted.Where(_ => random.NextDouble() < 0.3));
            var refinement = new PolicyRefiner(TriePrefixGeneralizer.Reference(), new(catalog, unused)).Refine(policy);
            foreach (var statement in refinement.Statements.Where(s => s.Original.IsRefinable))
            {
                var original = statement.Original.Actions;
                var refined = statement.RefinedActions;
                foreach (var action in original.Concat(refined).SelectMany(p => Scan(p, catalog, byService)).Distinct())
                {
                    var inOriginal = original.Any(p => ActionPattern.Match(p, action));
                    var inRefined = refined.Any(p => ActionPattern.Match(p, action));
                    Assert.False(inRefined && unused.Contains(action), $"{file} {statement.Original.Label}: unused {action} still granted");
                    Assert.False(inRefined && !inOriginal, $"{file} {statement.Original.Label}: {action} granted but not by the original");
                    Assert.False(inOriginal && !unused.Contains(action) && !inRefined,
                        $"{file} {statement.Original.Label}: kept {action} lost");
                }
                refinedStatements++;
            }
        }
        Assert.True(refinedStatements > 7000, $"only {refinedStatements} statements checked");
    }

    /// <summary>The catalog actions a pattern could match, by its service when that part has no wildcard, else all.</summary>
    private static IEnumerable<string> Scan(string pattern, ActionCatalog catalog, Dictionary<string, string[]> byService)
    {
        var colon = pattern.IndexOf(':');
        var service = colon > 0 ? pattern[..colon] : null;
        var candidates = service is not null && service.IndexOfAny(['*', '?']) < 0
            ? byService.GetValueOrDefault(service) ?? []
            : catalog.Actions;
        return candidates.Where(a => ActionPattern.Match(pattern, a));
    }

    private static int StableSeed(string file) =>
        Path.GetFileName(file).Aggregate(17, (h, c) => unchecked(h * 31 + c));
}
