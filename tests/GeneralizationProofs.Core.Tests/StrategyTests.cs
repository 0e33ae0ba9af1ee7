using GeneralizationProofs.Generalization;
using GeneralizationProofs.Patterns;
using Xunit;

namespace GeneralizationProofs.Tests;

/// <summary>What distinguishes each alternative strategy from the reference, on the real catalog.</summary>
public class StrategyTests
{
    private static (GeneralizationContext Context, ActionPattern Entry, IReadOnlyList<string> Kept) S3AndEc2(double rate, int seed)
    {
        var catalog = TestData.Catalog();
        var random = new Random(seed);
        var unused = new ActionSet(catalog.Actions.Where(a => a.StartsWith("ec2:") || a.StartsWith("s3:")).Where(_
            => random.NextDouble() < rate));
        var entry = new ActionPattern("*");
        var kept = catalog.Actions.Where(a => (a.StartsWith("ec2:") || a.StartsWith("s3:")) && !unused.Contains(a)).ToList();
        return (new GeneralizationContext(catalog, unused), entry, kept);
    }

    private static List<string> Granted(IEnumerable<string> patterns, GeneralizationContext context, string service) =>
        context.Catalog.Actions.Where(a => a.StartsWith(service) && patterns.Any(p => ActionPattern.Match(p, a))).ToList();

    [SkippableTheory]
    [InlineData("tightest")]
    [InlineData("verb-noun")]
    [InlineData("enumeration")]
    [InlineData("character")]
    [InlineData("compact")]
    public void EveryRealStrategyGrantsExactlyTheKeptCatalogActions(string name)
    {
        var (context, entry, kept) = S3AndEc2(0.2, 7);
        var output = Strategies.Find(name)!.Generalize(entry, context);
        Assert.Equal(kept, Granted(output, context, "ec2:").Concat(Granted(output, context, "s3:")));
    }

    [SkippableFact]
    public void TightestEmitsTheLongestCommonTokenPrefixOfWhatEachWildcardCovers()
    {
        var (context, entry, _) = S3AndEc2(0.2, 7);
        var reference = TriePrefixGeneralizer.Reference().Generalize(entry, context);
        var tightest = TriePrefixGeneralizer.Tightest().Generalize(entry, context);
        Assert.Equal(reference.Count, tightest.Count);
        var deeper = 0;
        foreach (var glob in tightest.Select(p => new ActionPattern(p)).Where(p => p.IsPrefixGlob && p.LiteralPrefix.Contains(':')))
        {
            var covered = context.Catalog.WithPrefix(glob.LiteralPrefix).ToArray();
            // No longer prefix at a token boundary of a covered action starts them all.
            foreach (var action in covered)
            {
                foreach (var end in ActionTokenizer.TokenEnds(action).Where(e => e > glob.LiteralPrefix.Length))
                {
                    Assert.True(covered.Any(a => !AsciiCase.StartsWith(a, action[..end])),
                        $"{glob.Text}: {action[..end]}* covers the same");
                }
            }
            deeper += reference.Contains(glob.Text) ? 0 : 1;
        }
        Assert.True(deeper > 0, "tightest emitted the reference's prefixes everywhere");
    }

    [SkippableFact]
    public void VerbNounEmitsNoVerbOnlyWildcard()
    {
        var (context, entry, _) = S3AndEc2(0.2, 7);
        var reference = TriePrefixGeneralizer.Reference().Generalize(entry, context);
        var verbNoun = TriePrefixGeneralizer.VerbNoun().Generalize(entry, context);
        static int NameTokens(string prefix) => ActionTokenizer.Tokens(prefix).Count - 1;
        Assert.Contains(reference, p => p.EndsWith('*') && NameTokens(p[..^1]) == 1);
        Assert.DoesNotContain(verbNoun, p => p.EndsWith('*') && NameTokens(p[..^1]) < 2);
        Assert.True(verbNoun.Count > reference.Count);
    }

    [SkippableFact]
    public void EnumerationEmitsNoWildcardAndKeepsUnknownWildcardsVerbatim()
    {
        var (context, entry, kept) = S3AndEc2(0.2, 7);
        var output = new EnumerationGeneralizer().Generalize(entry, context);
        Assert.DoesNotContain(output, p => p.Contains('*') || p.Contains('?'));
        Assert.Equal(["newservice:*"], new EnumerationGeneralizer().Generalize(new ActionPattern("newservice:*"), context));
        Assert.Equal(kept.Count, output.Count(a => a.StartsWith("ec2:") || a.StartsWith("s3:")));
    }
}
