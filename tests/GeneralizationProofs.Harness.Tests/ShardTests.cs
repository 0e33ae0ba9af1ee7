using GeneralizationProofs.Harness;
using GeneralizationProofs.Harness.Corpus;
using Xunit;

namespace GeneralizationProofs.Tests;

/// <summary>Shards: a stable hash, disjoint and covering on the real corpus, and --shard values checked.</summary>
public sealed class ShardTests
{
    [SkippableFact]
    public void ShardsOfTheRealCorpusAreDisjointAndCoverEverythingForNFrom1To7()
    {
        var ids = CorpusCase.Files([TestData.Path("policies/aws-managed"), TestData.Path("policies/aws-managed-raw")])
            .Select(CorpusSummary.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count()); // folder/file names identify the policies
        for (var n = 1; n <= 7; n++)
        {
            var shards = Enumerable.Range(0, n).Select(i => new Shard(i, n)).ToList();
            Assert.All(ids, id => Assert.Single(shards, s => s.Contains(id)));
            var sizes = shards.Select(s => ids.Count(s.Contains)).ToList();
            Assert.Equal(ids.Count, sizes.Sum());
            // A hash that spreads: no shard gets more than a third above or below its share of 3,140 policies.
            Assert.All(sizes, size => Assert.InRange(size, ids.Count / n * 2 / 3, ids.Count / n * 4 / 3 + 1));
        }
    }

    [Fact]
    public void TheHashIsFnv1a64OfUtf8AndTheSameInEveryProcess()
    {
        Assert.Equal(0xcbf29ce484222325UL, Shard.Fnv1a64(""));
        Assert.Equal(0xaf63dc4c8601ec8cUL, Shard.Fnv1a64("a"));
        Assert.Equal(0x85944171f73967e8UL, Shard.Fnv1a64("foobar"));
        // Pinned, so that a change of hash (which would move policies between shards) cannot pass unnoticed.
        Assert.Equal(1, Shard.Of("aws-managed/ReadOnlyAccess.json", 4));
        Assert.Equal(5, Shard.Of("aws-managed/ReadOnlyAccess.json", 7));
        Assert.Equal(1, Shard.Of("aws-managed-raw/AdministratorAccess", 4));
        Assert.Equal(Shard.Of("é", 7), (int)(Shard.Fnv1a64("é") % 7));
        Assert.NotEqual(Shard.Fnv1a64("é"), Shard.Fnv1a64("e"));
    }

    [Theory]
    [InlineData("0/1", 0, 1)]
    [InlineData("3/4", 3, 4)]
    [InlineData(" 2 / 7 ", 2, 7)]
    public void ExplicitShardsParse(string spec, int index, int count)
    {
        var (shard, variable) = Shard.Parse(spec, _ => null);
        Assert.Equal(new Shard(index, count), shard);
        Assert.Null(variable);
    }

    [Theory]
    [InlineData("4/4")]
    [InlineData("-1/4")]
    [InlineData("0/0")]
    [InlineData("1/-2")]
    [InlineData("a/4")]
    [InlineData("1")]
    [InlineData("1/2/3")]
    [InlineData("")]
    [InlineData("1/99999999999")]
    public void BadShardsAreBadInput(string spec)
    {
        var e = Assert.Throws<InputException>(() => Shard.Parse(spec, _ => null));
        Assert.Contains("--shard", e.Message);
    }

    [Fact]
    public void AutoTakesTheIndexFromTheFirstJobArrayVariableAndSaysWhich()
    {
        var env = new Dictionary<string, string> { ["SLURM_ARRAY_TASK_ID"] = "2", ["AWS_BATCH_JOB_ARRAY_INDEX"] = "1" };
        Assert.Equal((new Shard(2, 3), "SLURM_ARRAY_TASK_ID"), Shard.Parse("auto/3", env.GetValueOrDefault));
        env["JOB_COMPLETION_INDEX"] = "0";
        Assert.Equal((new Shard(0, 3), "JOB_COMPLETION_INDEX"), Shard.Parse("auto/3", env.GetValueOrDefault));

        var none = Assert.Throws<InputException>(() => Shard.Parse("auto/3", _ => null));
        Assert.Contains("JOB_COMPLETION_INDEX, SLURM_ARRAY_TASK_ID, AWS_BATCH_JOB_ARRAY_INDEX", none.Message);
        var outOfRange = Assert.Throws<InputException>(() => Shard.Parse("auto/3", v => v == "AWS_BATCH_JOB_ARRAY_INDEX" ? "3" : null));
        Assert.Contains("AWS_BATCH_JOB_ARRAY_INDEX", outOfRange.Message);
    }

    [Fact]
    public void TheCliRefusesABadShardWithExitCode2AndNoStackTrace()
    {
        var dir = Directory.CreateTempSubdirectory("genproof-shard-").FullName;
        try
        {
            var bad = CliProcess.Run(dir, "check", "--cases", "1", "--shard", "5/5");
            Assert.Equal(2, bad.ExitCode);
            Assert.Contains("--shard", bad.Stderr);
            Assert.DoesNotContain("   at ", bad.Stderr);
            var auto = CliProcess.Run(dir, "check", "--cases", "1", "--shard", "auto/2");
            Assert.Equal(2, auto.ExitCode);
            Assert.Contains("JOB_COMPLETION_INDEX", auto.Stderr);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
