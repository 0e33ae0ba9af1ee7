using GeneralizationProofs.Generalization;
using GeneralizationProofs.Harness.Reports;
using GeneralizationProofs.Patterns;
using GeneralizationProofs.Verification;
using GeneralizationProofs.Verification.Checks;
using Xunit;
using static GeneralizationProofs.Tests.TestProofs;

namespace GeneralizationProofs.Tests;

// The README's "Adding a strategy" example, verbatim, so the example a newcomer copies compiles and is proved.
public sealed class VerbGeneralizer : IGeneralizer
{
    public string Name => "verb";
    public string Description => "one svc:Verb* per verb when safe, else the kept actions as literals";
    public PropertyKind Claims => PropertyKind.Sound | PropertyKind.NoEscalation | PropertyKind.Complete;
    public string? CoarserPrefix(string literalPrefix) => null; // M1 is not claimed

    public IReadOnlyList<string> Generalize(ActionPattern entry, GeneralizationContext context)
    {
        if (!entry.IsPrefixGlob) // a leading or inner * could escape: literals only
        {
            return context.Catalog.Matching(entry).Where(a => !context.Unused.Contains(a)).ToList();
        }
        var output = new List<string>();
        foreach (var group in context.Catalog.Matching(entry).Where(a => !context.Unused.Contains(a))
                     .GroupBy(a => string.Concat(ActionTokenizer.Tokens(a).Take(2)))) // "s3:" + "Get"
        {
            var verb = group.Key;
            var safe = verb.Length >= entry.LiteralPrefix.Length && !context.Unused.AnyWithPrefix(verb);
            output.AddRange(safe ? [verb + "*"] : group);
        }
        return output;
    }
}

public class ReadmeStrategyExampleTests
{
    [SkippableFact]
    public void TheReadmeExampleIsProvedWhatItClaims()
    {
        var catalog = TestData.Catalog();
        var strategy = new VerbGeneralizer();
        var (policy, unused, _) = TestData.Acceptance(strategy, catalog);
        var services = PolicyWith("s3:*", "lambda:*", "autoscaling:*LoadBalancer*");
        var random = new Random(5);
        var some = new ActionSet(catalog.Actions.Where(a => a.StartsWith("s3:") || a.StartsWith("lambda:")
            || a.StartsWith("autoscaling:")).Where(_ => random.NextDouble() < 0.2));
        var reports = new[] { RefineAndVerify(strategy, catalog, policy, unused), RefineAndVerify(strategy, catalog, services, some) };
        foreach (var report in reports)
        {
            Assert.True(report.Proved, ReportWriter.Text(report));
            Assert.All(report.Properties.Where(p => p.Claimed), p => Assert.Equal(Verdict.Proved, p.Verdict));
        }
    }
}

public class ReadmeExampleIsThisCodeTests
{
    [Fact]
    public void TheReadmeShowsExactlyTheTestedClass()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "GeneralizationProofs.sln")))
        {
            root = root.Parent ?? throw new InvalidOperationException("repository root not found");
        }
        var readme = File.ReadAllText(Path.Combine(root.FullName, "README.md"));
        var source = File.ReadAllText(Path.Combine(root.FullName,
            "tests/GeneralizationProofs.Verification.Tests/ReadmeStrategyExample.cs"));
        var start = readme.IndexOf("public sealed class VerbGeneralizer", StringComparison.Ordinal);
        Assert.True(start >= 0, "README has no strategy example");
        var example = readme[start..readme.IndexOf("```", start, StringComparison.Ordinal)].Trim();
        Assert.Contains(example, source);
    }
}
