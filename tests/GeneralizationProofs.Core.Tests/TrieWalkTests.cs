using GeneralizationProofs.Catalog;
using GeneralizationProofs.Generalization;
using GeneralizationProofs.Harness;
using GeneralizationProofs.Patterns;
using Xunit;

namespace GeneralizationProofs.Tests;

/// <summary>
/// The trie walk as an <see cref="ITrieWalkObserver"/> sees it: exactly the nodes spec §3 decides, and an output that
/// does not depend on whether anyone is watching.
/// </summary>
public class TrieWalkTests
{
    private sealed class Recorder : ITrieWalkObserver
    {
        public TokenTrie? Trie { get; private set; }
        public List<(TokenTrie.Node Node, NodeDecision Decision)> Decisions { get; } = [];

        public void Walking(TokenTrie trie) => Trie = trie;

        public void Decided(TokenTrie.Node node, NodeDecision decision) => Decisions.Add((node, decision));
    }

    // Verb-noun also descends below safe nodes that are too coarse; its observer test would restate that rule.
    public static TheoryData<string> WalkStrategies => ["reference", "character", "tightest"];

    private static readonly string[] AcceptanceEntries = ["s3:Get*", "s3:List*", "lambda:Invoke*"];

    private static GeneralizationContext AcceptanceContext()
    {
        var catalog = TestData.Catalog();
        var unused = UnusedActions.Load(ExampleCase.Named(ExampleCase.Acceptance).UnusedFile, catalog, ignoreStale: false, out _);
        return new GeneralizationContext(catalog, unused);
    }

    [SkippableTheory]
    [MemberData(nameof(WalkStrategies))]
    public void ObserverSeesExactlyTheDecidedNodesOfTheAcceptanceExample(string name)
    {
        var context = AcceptanceContext();
        foreach (var entry in AcceptanceEntries)
        {
            AssertObservedWalk((TriePrefixGeneralizer)Strategies.Find(name)!, new ActionPattern(entry), context);
        }
    }

    [Theory]
    [MemberData(nameof(WalkStrategies))]
    public void ObserverSeesExactlyTheDecidedNodesOfRandomCatalogs(string name)
    {
        var strategy = (TriePrefixGeneralizer)Strategies.Find(name)!;
        for (var seed = 0; seed < 20; seed++)
        {
            var context = RandomContext(seed);
            foreach (var entry in RandomEntries)
            {
                AssertObservedWalk(strategy, new ActionPattern(entry), context);
            }
        }
    }

    [SkippableFact]
    public void OutputIsTheSameWithAndWithoutObserverOnTheAcceptanceExample()
    {
        var context = AcceptanceContext();
        foreach (var strategy in Strategies.All.OfType<TriePrefixGeneralizer>())
        {
            foreach (var entry in AcceptanceEntries.Append("s3:*"))
            {
                var pattern = new ActionPattern(entry);
                Assert.Equal(strategy.Generalize(pattern, context), strategy.Generalize(pattern, context, new Recorder()));
            }
        }
    }

    [Fact]
    public void OutputIsTheSameWithAndWithoutObserverOnRandomCatalogs()
    {
        for (var seed = 0; seed < 40; seed++)
        {
            var context = RandomContext(seed);
            foreach (var strategy in Strategies.All.OfType<TriePrefixGeneralizer>())
            {
                foreach (var entry in RandomEntries)
                {
                    var pattern = new ActionPattern(entry);
                    Assert.Equal(strategy.Generalize(pattern, context), strategy.Generalize(pattern, context, new Recorder()));
                }
            }
        }
    }

    [Fact]
    public void NoTrieIsWalkedForAnEntryWithoutUnusedActionsOrNotEndingInStar()
    {
        var context = new GeneralizationContext(
            TestData.SmallCatalog("s3:GetObject", "s3:GetObjectAcl", "s3:GetBucketAcl", "s3:PutObject"),
            new ActionSet(["s3:GetObjectAcl"]));
        var recorder = new Recorder();
        var reference = TriePrefixGeneralizer.Reference();
        Assert.Equal(["s3:Put*"], reference.Generalize(new ActionPattern("s3:Put*"), context, recorder));
        Assert.Equal(["s3:GetBucketAcl"], reference.Generalize(new ActionPattern("s3:Get*Acl"), context, recorder));
        Assert.Null(recorder.Trie);
        Assert.Empty(recorder.Decisions);
    }

    /// <summary>
    /// Checks the recording against spec §3 restated from scratch: the root and every child of an unsafe node are
    /// decided, nothing below a safe one; safe means no unused action starts with the prefix and <c>prefix*</c> stays
    /// inside the entry (the prefix matches it); and the output is what the decided nodes stand for, less the covered.
    /// </summary>
    private static void AssertObservedWalk(TriePrefixGeneralizer strategy, ActionPattern entry, GeneralizationContext context)
    {
        var recorder = new Recorder();
        var output = strategy.Generalize(entry, context, recorder);
        var matched = context.Catalog.Matching(entry);
        if (!matched.Any(context.Unused.Contains))
        {
            Assert.Null(recorder.Trie);
            return;
        }
        if (!entry.Text.EndsWith('*'))
        {
            Assert.Null(recorder.Trie);
            Assert.Empty(recorder.Decisions);
            return;
        }
        var trie = Assert.IsType<TokenTrie>(recorder.Trie);
        var decided = recorder.Decisions.ToDictionary(d => d.Node, d => d.Decision);
        Assert.Equal(recorder.Decisions.Count, decided.Count);
        var expected = new HashSet<TokenTrie.Node> { trie.Root };
        foreach (var node in trie.Nodes().Where(n => decided.TryGetValue(n, out var d) && !d.Safe))
        {
            expected.UnionWith(node.Children);
        }
        Assert.True(expected.SetEquals(decided.Keys), $"{strategy.Name} {entry.Text}: decided nodes differ from spec §3");
        foreach (var (node, decision) in recorder.Decisions)
        {
            var under = context.Catalog.Actions.Where(a => a.StartsWith(node.Prefix, StringComparison.OrdinalIgnoreCase)).ToList();
            Assert.Equal(!under.Any(context.Unused.Contains) && ActionPattern.Match(entry.Text, node.Prefix), decision.Safe);
            Assert.Equal(under.Count, decision.CatalogActions);
            Assert.Equal(under.Count(a => !context.Unused.Contains(a)), decision.KeptActions);
        }
        Assert.Equal(TriePrefixGeneralizer.RemoveCovered(recorder.Decisions.Select(d => d.Decision.Pattern).OfType<string>()), output);
    }

    private static readonly string[] RandomEntries = ["x:*", "x:Get*", "x:Get?*", "*", "x:*Object*", "x:*Bucket", "y:Li*"];

    private static readonly string[] Verbs = ["Get", "List", "Put", "Describe", "Delete"];

    private static readonly string[] Nouns = ["Object", "Objects", "Bucket", "BucketPolicy", "DB", "DBSubnetGroup", "Acl", "Tag", "CORS"];

    /// <summary>Two services of verb + up to three nouns, about a third of them unused.</summary>
    private static GeneralizationContext RandomContext(int seed)
    {
        var random = new Random(seed);
        var actions = Enumerable.Range(0, 10 + random.Next(40))
            .Select(_ => $"{(random.Next(3) == 0 ? "y" : "x")}:{Verbs[random.Next(Verbs.Length)]}"
                + string.Concat(Enumerable.Range(0, random.Next(4)).Select(_ => Nouns[random.Next(Nouns.Length)])))
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return new GeneralizationContext(TestData.SmallCatalog([.. actions]), new ActionSet(actions.Where(_ => random.Next(3) == 0)));
    }
}
