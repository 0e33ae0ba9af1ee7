using GeneralizationProofs.Generalization;
using GeneralizationProofs.Patterns;
using Xunit;

namespace GeneralizationProofs.Tests;

/// <summary>
/// Compact's one-gap glob cover (GlobCover) checked with the core matcher on random unused sets of the real catalog:
/// what the verifier proves with Z3 (SizeLimitTests, genproof check), asserted here action by action.
/// </summary>
public class GlobCoverTests
{
    [Theory]
    [InlineData("s3:*", 1)]
    [InlineData("iam:*", 2)]
    [InlineData("ec2:Describe*", 3)]
    [InlineData("*", 4)]
    public void TheCoverGrantsEveryKeptActionNoUnusedOneStaysInsideTheEntryAndEachGlobHasAnActionOfItsOwn(string text, int seed)
    {
        var catalog = TestData.Catalog();
        var entry = new ActionPattern(text);
        var random = new Random(seed);
        // For "*" a few services only: the whole catalog is the corpus run's job, not a unit test's.
        var matched = catalog.Matching(entry).Where(a => text != "*" || a.StartsWith("s3:") || a.StartsWith("kms:")).ToList();
        var unused = new ActionSet(matched.Where(_ => random.NextDouble() < 0.3));
        var kept = matched.Where(a => !unused.Contains(a)).ToList();
        var cover = GlobCover.Cover(entry, kept, new GeneralizationContext(catalog, unused))!;
        Assert.All(kept, a => Assert.Contains(cover, p => ActionPattern.Match(p, a)));
        Assert.All(unused.Actions, u => Assert.DoesNotContain(cover, p => ActionPattern.Match(p, u)));
        // Literal, p*s or *t* after a literal service prefix that extends the entry's: inside L(entry) over all strings.
        Assert.All(cover, p => Assert.True(AsciiCase.StartsWith(p, entry.LiteralPrefix) && !p.Contains('?') && Shaped(p, entry), p));
        Assert.All(cover, p => Assert.Contains(kept, a => ActionPattern.Match(p, a) && cover.Count(q => ActionPattern.Match(q, a)) == 1));
    }

    [Fact]
    public void ASharedSuffixCoversWhatPrefixesCannot()
    {
        var catalog = TestData.SmallCatalog("s3:CreateBucket", "s3:CreateBucketPolicy", "s3:DeleteBucket", "s3:DeleteBucketPolicy",
            "s3:PutBucket", "s3:PutBucketPolicy");
        var context = new GeneralizationContext(catalog, new ActionSet(["s3:CreateBucket", "s3:DeleteBucket", "s3:PutBucket"]));
        // Every kept name ends in y and no unused one does: one glob of 5 characters. The character trie needs three
        // (s3:C*y is no prefix glob): s3:CreateBucketP*, s3:DeleteBucketP*, s3:PutBucketP*.
        Assert.Equal(["s3:*y"], Strategies.Find("compact")!.Generalize(new ActionPattern("s3:*"), context));
        Assert.Equal(3, TriePrefixGeneralizer.Character().Generalize(new ActionPattern("s3:*"), context).Count);
    }

    /// <summary>After the base (the entry's literal prefix when it names the service, else <c>svc:</c>): literal, p*s or *t*.</summary>
    private static bool Shaped(string pattern, ActionPattern entry)
    {
        var colon = pattern.IndexOf(':');
        var basePrefix = entry.LiteralPrefix.Contains(':') ? entry.LiteralPrefix.Length : colon + 1;
        var rest = pattern[basePrefix..];
        var stars = rest.Count(c => c == '*');
        return colon > 0 && !pattern[..basePrefix].Contains('*')
            && (stars <= 1 || stars == 2 && rest.Length > 2 && rest[0] == '*' && rest[^1] == '*');
    }
}
