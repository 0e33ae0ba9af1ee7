using System.Diagnostics;
using Xunit;

namespace GeneralizationProofs.Tests;

/// <summary>Issue 16, one kind of hostile input per test: options, output paths, long entries, findings, messages.</summary>
[Collection(CliCollection.Name)]
public sealed class CliHostileTests(CliFixture files) : IClassFixture<CliFixture>
{
    private string[] Inputs => ["--policy", files.Policy, "--unused", files.Unused, "--catalog", files.Catalog];

    [Theory]
    [InlineData("measure", "--runs", "0")]
    [InlineData("measure", "--runs", "-1")]
    [InlineData("measure", "--unused-rate", "2")]
    [InlineData("measure", "--unused-rate", "NaN")]
    [InlineData("measure", "--unused-rate", "Infinity")]
    [InlineData("corpus", "--unused-rate", "NaN")]
    [InlineData("corpus", "--unused-rate", "-0.1")]
    [InlineData("corpus", "--sample", "0")]
    [InlineData("corpus", "--sample", "-1")]
    [InlineData("corpus", "--jobs", "0")]
    [InlineData("corpus", "--timeout-ms", "0")]
    [InlineData("verify", "--timeout-ms", "0")]
    [InlineData("verify", "--rlimit", "-1")]
    [InlineData("check", "--cases", "0")]
    [InlineData("check", "--max-actions", "0")]
    [InlineData("check", "--case", "-1")]
    [InlineData("bench-report", "--proofs", "-1")]
    [InlineData("bench-report", "--sample", "0")]
    [InlineData("bench-report", "--unused-rate", "NaN")]
    [InlineData("paper", "--sample", "0")]
    [InlineData("paper", "--cases", "0")]
    [InlineData("measure", "--verify-runs", "0")]
    [InlineData("measure", "--verify-runs", "-1")]
    [InlineData("compare", "--unused-rate", "NaN")]
    [InlineData("compare", "--sample", "0")]
    [InlineData("compare", "--jobs", "0")]
    [InlineData("compare", "--timeout-ms", "0")]
    [InlineData("refine", "--strategy-timeout", "NaN")]
    [InlineData("refine", "--strategy-timeout", "0")]
    public void NumericOptionsAreCheckedBeforeAnyWork(string verb, string option, string value)
    {
        var args = new List<string> { verb, option, value, "--catalog", files.Catalog };
        if (verb == "verify")
        {
            args.AddRange(["--policy", files.Policy, "--unused", files.Unused, "--refined", files.Refined]);
        }
        if (verb == "bench-report")
        {
            args.RemoveRange(3, 2);
            args.AddRange(["--out", Path.Combine(files.Dir, "bench")]);
        }
        if (verb == "check")
        {
            args.RemoveRange(3, 2);
        }
        if (verb == "compare")
        {
            // A whole valid corpus comparison otherwise: without the rule the run goes on with the value.
            args.AddRange(["--left-strategy", "reference", "--right-strategy", "character", "--policies", files.Dir]);
        }
        if (verb == "refine")
        {
            args.AddRange(["--policy", files.Policy, "--unused", files.Unused]);
        }
        var watch = Stopwatch.StartNew();
        var result = CliRunner.InProcess([.. args]);
        result.AssertNoCrash(string.Join(" ", args));
        Assert.Equal(2, result.Code);
        Assert.Contains(option, result.Err);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), "refused before any work");
        Assert.False(Directory.Exists(Path.Combine(files.Dir, "bench")));
    }

    [Fact]
    public void OutputPathsAreCheckedBeforeAnyWork()
    {
        var folder = Directory.CreateDirectory(Path.Combine(files.Dir, "existing")).FullName;
        var cases = new[]
        {
            ("--out", "refine", new[] { "--out", "" }),
            ("--out", "refine", ["--out", Path.Combine(files.Dir, "new") + "/"]),
            ("--out", "refine", ["--out", folder]),
            ("--smt-out", "verify", ["--refined", files.Refined, "--smt-out", ""]),
            ("--smt-out", "verify", ["--refined", files.Refined, "--smt-out", files.Unused]),
        };
        foreach (var (option, verb, rest) in cases)
        {
            var result = CliRunner.InProcess([verb, .. Inputs, .. rest]);
            result.AssertNoCrash($"{verb} {string.Join(" ", rest)}");
            Assert.Equal(2, result.Code);
            Assert.Contains(option, result.Err);
        }
        Assert.False(Directory.Exists(Path.Combine(files.Dir, "new")));
        var report = CliRunner.InProcess("corpus", "--catalog", files.Catalog, "--policies", files.Dir, "--report", "");
        Assert.Equal(2, report.Code);
        Assert.Contains("--report", report.Err);
    }

    [Fact]
    public void MeasurePatternsWithAQuoteOrABackslashAreEntries()
    {
        var result = CliRunner.InProcess("measure", "--catalog", files.Catalog, "--patterns", "s3:Get\"x,s3:\\y*,s3:Get*",
            "--runs", "1", "--no-verify");
        result.AssertNoCrash("measure");
        Assert.Equal(0, result.Code);
        Assert.Contains("6 matched", result.Out);
    }

    [Fact]
    public void DemoAcceptsTheOptionItsStaleCatalogMessageSuggests()
    {
        // The example's unused actions are missing from this small catalog: the message suggests the option...
        var stale = CliRunner.InProcess("demo", "--catalog", files.Catalog);
        Assert.Equal(2, stale.Code);
        Assert.Contains("--ignore-unknown-unused", stale.Err);
        // ...and demo takes it.
        var ignored = CliRunner.InProcess("demo", "--catalog", files.Catalog, "--ignore-unknown-unused");
        ignored.AssertNoCrash("demo --ignore-unknown-unused");
        Assert.DoesNotContain("Unrecognized", ignored.Err);
        Assert.Equal(0, ignored.Code);
    }

    [Theory]
    [InlineData("\"Resource\": 42", "$.Statement[0].Resource")]
    [InlineData("\"Resource\": \"*\", \"Condition\": \"yes\"", "$.Statement[0].Condition")]
    [InlineData("\"Resource\": \"*\", \"Sid\": 5", "$.Statement[0].Sid")]
    [InlineData("\"Resource\": \"*\", \"NotResource\": \"*\"", "$.Statement[0]")]
    [InlineData("\"Resource\": \"*\", \"Principal\": []", "$.Statement[0].Principal")]
    public void WrongTypesAreRefusedNamingFileAndPlace(string rest, string place)
    {
        var policy = files.Write("typed.json", $$"""{"Statement": [{"Effect": "Allow", "Action": "s3:Get*", {{rest}}}]}""");
        var result = CliRunner.InProcess("refine", "--policy", policy, "--unused", files.Unused, "--catalog", files.Catalog);
        result.AssertNoCrash(rest);
        Assert.Equal(2, result.Code);
        Assert.Contains($"typed.json: {place}", result.Err);
        Assert.Empty(result.Out);
    }

    [Fact]
    public void MissingResourceIsWarnedAbout()
    {
        var policy = files.Write("trust.json", """{"Statement": [{"Effect": "Allow", "Action": "s3:Get*"}]}""");
        var result = CliRunner.InProcess("refine", "--policy", policy, "--unused", files.Unused, "--catalog", files.Catalog);
        Assert.Equal(0, result.Code);
        Assert.Contains("warning", result.Err);
        Assert.Contains("Resource", result.Err);
    }

    [Fact]
    public void AFindingOfAnUnusedRoleIsNotReadAsNothingUnused()
    {
        var finding = files.Write("role-finding.json",
            """{"findingType": "UnusedIAMRole", "findingDetails": [{"unusedIamRoleDetails": {"lastAccessed": "2024-01-01T00:00:00Z"}}]}""");
        var result = CliRunner.InProcess("refine", "--policy", files.Policy, "--unused", finding, "--catalog", files.Catalog);
        Assert.Equal(2, result.Code);
        Assert.Contains("UnusedIAMRole", result.Err);
        Assert.Empty(result.Out);
    }

    [Theory]
    [InlineData("?")]
    [InlineData("*A")]
    [InlineData("GetObject")]
    public void EntriesAtTheLengthLimitAreVerifiedAndLongerOnesRefused(string unit)
    {
        var limit = InputLimits.MaxActionLength;
        var body = string.Concat(Enumerable.Repeat(unit, limit))[..(limit - 3)];
        var entry = "s3:" + body;
        var policy = files.Write($"long-{unit.Length}.json", CliFixture.PolicyJson(entry, "s3:Get*"));
        var refined = Path.Combine(files.Dir, $"long-{unit.Length}-refined.json");
        var args = new[] { "--policy", policy, "--unused", files.Unused, "--catalog", files.Catalog };
        Assert.Equal(0, CliRunner.InProcess(["refine", .. args, "--out", refined]).Code);
        var watch = Stopwatch.StartNew();
        var verify = CliRunner.InProcess(["verify", .. args, "--refined", refined, "--timeout-ms", "10000"]);
        verify.AssertNoCrash(unit);
        Assert.NotEqual(1, verify.Code); // proved, or unknown within the time limit: never a crash or a refutation
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(90), $"verify took {watch.Elapsed}");

        var over = files.Write($"over-{unit.Length}.json", CliFixture.PolicyJson(entry + "A"));
        var refused = CliRunner.InProcess("verify", "--policy", over, "--unused", files.Unused, "--catalog", files.Catalog,
            "--refined", refined);
        Assert.Equal(2, refused.Code);
        Assert.Contains("$.Statement[0].Action[0]", refused.Err);
        Assert.Contains("1,024", refused.Err);
    }

    [Fact]
    public void AnUnknownNamesTheLimitThatEndedIt()
    {
        // s3:GetObject* is inside the union of the two entries but inside neither alone (Lemma 8 does not apply): one
        // query over all strings, which the resource limit of 1 ends. The example's own queries are all ground now.
        var policy = files.Write("union.json", Statement("\"s3:GetObject\", \"s3:GetObject?*\""));
        var refined = files.Write("union-refined.json", Statement("\"s3:GetObject*\""));
        var result = CliRunner.InProcess(["verify", "--policy", policy, "--unused", files.Unused, "--catalog", files.Catalog,
            "--refined", refined, "--properties", "no-escalation", "--rlimit", "1", "--format", "json"]);
        result.AssertNoCrash("--rlimit 1");
        Assert.Equal(2, result.Code);
        Assert.Contains("resource limit", result.Out);
        Assert.DoesNotContain("time limit", result.Out);
    }

    [Fact]
    public async Task NonRegularFilesInAPolicyFolderAreSkippedAndNamed()
    {
        var folder = Directory.CreateDirectory(Path.Combine(files.Dir, "with-fifo")).FullName;
        File.Copy(files.Policy, Path.Combine(folder, "policy.json"));
        var fifo = Path.Combine(folder, "pipe.json");
        using (var mkfifo = Process.Start("mkfifo", [fifo]))
        {
            await mkfifo.WaitForExitAsync();
        }
        var run = Task.Run(() => CliRunner.InProcess("corpus", "--catalog", files.Catalog, "--policies", folder, "--jobs", "1"));
        var result = await run.WaitAsync(TimeSpan.FromSeconds(60)); // throws TimeoutException if the FIFO hangs the run
        result.AssertNoCrash("corpus with a FIFO");
        Assert.Equal(0, result.Code);
        Assert.Contains("skipped (not a regular file)", result.Err);
        Assert.Contains("pipe.json", result.Err);
    }

    private static string Statement(string actions) =>
        $$"""{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": [{{actions}}], "Resource": "*"}]}""";
}
