using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using Xunit;

namespace GeneralizationProofs.Tests;

/// <summary>
/// A first SIGINT cancels a long run promptly (issue 16: it was swallowed, and the run went on to print "PROVED"):
/// the built CLI runs as a process on a job of minutes, gets SIGINT once the proofs are under way (seen from its own
/// output, not guessed with a sleep), and must exit 130 within seconds, naming what was cancelled, with no output file
/// or folder.
/// </summary>
[Collection(CliCollection.Name)]
public sealed class SignalTests(CliFixture files) : IClassFixture<CliFixture>
{
    /// <summary>How long start-up may take on a loaded machine before the first sign of work.</summary>
    private static readonly TimeSpan StartUp = TimeSpan.FromSeconds(180);

    [Theory]
    [InlineData("z3")]
    [InlineData("both")]
    public void SigintCancelsACorpusRunWithoutAReport(string engine)
    {
        var catalog = TestData.Path("catalogs/aws-2024-06-16.json");
        var report = Path.Combine(files.Dir, $"report-{engine}");
        // Both shared folders, every policy: thousands of proofs, many minutes. The first progress line comes after the
        // first policy is proved, so the signal lands among the workers' solver queries.
        var (_, stdout) = AssertCancelled(["corpus", "--catalog", catalog, "--report", report, "--jobs", "2", "--engine", engine],
            "the corpus run", (err, _) => err.Contains("corpus: "));
        Assert.False(Directory.Exists(report), "no report of a cancelled run");
        Assert.DoesNotContain("RESULT", stdout);
    }

    [Fact]
    public void SigintCancelsVerifyWithoutSmtFiles()
    {
        var catalog = TestData.Path("catalogs/aws-2024-06-16.json");
        var policy = files.Write("wide.json", ManyStatements(80, "s3:*", "iam:*", "ec2:*", "s3:Get*", "ec2:Describe*", "lambda:*"));
        var refined = Path.Combine(files.Dir, "wide-refined.json");
        Assert.Equal(0, CliRunner.InProcess("refine", "--policy", policy, "--unused", files.Unused, "--catalog", catalog,
            "--out", refined).Code);
        var smt = Path.Combine(files.Dir, "smt");
        // Every answered query is written to the hidden staging folder: the first file shows the proof is under way,
        // with the other statements' queries (minutes of them) still to come.
        AssertCancelled(["verify", "--policy", policy, "--unused", files.Unused, "--catalog", catalog, "--refined", refined,
            "--smt-out", smt, "--engine", "z3", "--properties", "sound,no-escalation,complete,maximal,non-redundant,minimum-size"],
            "verify", (_, _) => Directory.GetDirectories(files.Dir, ".smt*").Any(d => Directory.EnumerateFiles(d, "*.smt2").Any()));
        Assert.False(Directory.Exists(smt), "no --smt-out folder of a cancelled run");
        Assert.Empty(Directory.GetDirectories(files.Dir, ".smt*"));
    }

    [Theory]
    [InlineData("TERM")]
    [InlineData("INT")]
    public void ASignalCancelsBenchReportAndRemovesItsStagingFolder(string signal)
    {
        var tables = Path.Combine(files.Dir, $"tables-{signal}");
        // Every 10th policy of both shared folders against every shared catalog: minutes of refining. The first progress
        // line comes after the staging folder is made and the first policy is refined.
        AssertCancelled(["bench-report", "--out", tables, "--sample", "10", "--proofs", "2"], "the strategy study",
            (err, _) => err.Contains("refining: "), signal);
        Assert.False(Directory.Exists(tables), "no tables of a cancelled study");
        Assert.Empty(Directory.GetDirectories(files.Dir, $".tables-{signal}.*.tmp"));
    }

    [Fact]
    public void SigtermWhileTheCorpusReportIsWrittenPublishesNothing()
    {
        var catalog = TestData.Path("catalogs/aws-2024-06-16.json");
        var report = Path.Combine(files.Dir, "report-while-written");
        // The policy pages are the first files of the report, written into the staging folder after every proof: a signal
        // then must still cancel (exit 130), not be ignored until the report is published. SIGTERM: Z3 4.8.12 swaps its own
        // SIGINT handler in and out during solver checks, which the Verification project has to switch off first.
        AssertCancelled(["corpus", "--catalog", catalog, "--report", report, "--jobs", "2", "--sample", "20", "--engine", "z3"],
            "the corpus run", (_, _) => Directory.GetDirectories(files.Dir, ".report-while-written.*.tmp")
                .Any(d => Directory.Exists(Path.Combine(d, "policies")) && Directory.EnumerateFiles(Path.Combine(d, "policies")).Any()),
            "TERM", poll: TimeSpan.FromMilliseconds(10));
        Assert.False(Directory.Exists(report), "no report of a cancelled run");
        Assert.Empty(Directory.GetDirectories(files.Dir, ".report-while-written.*.tmp"));
    }

    /// <summary>A policy of <paramref name="count"/> Allow statements with the same actions, told apart by Sid and Resource.</summary>
    private static string ManyStatements(int count, params string[] actions) => new JsonObject
    {
        ["Version"] = "2012-10-17",
        ["Statement"] = new JsonArray(Enumerable.Range(0, count).Select(i => (JsonNode?)new JsonObject
        {
            ["Sid"] = $"S{i}",
            ["Effect"] = "Allow",
            ["Action"] = new JsonArray(actions.Select(a => (JsonNode?)JsonValue.Create(a)).ToArray()),
            ["Resource"] = $"arn:aws:s3:::bucket-{i}/*",
        }).ToArray()),
    }.ToJsonString();

    /// <summary>Starts genproof, waits until <paramref name="working"/> holds (stderr and stdout so far), sends one signal.</summary>
    private static (string Err, string Out) AssertCancelled(string[] args, string what, Func<string, string, bool> working,
        string signal = "INT", TimeSpan? poll = null)
    {
        using var process = CliRunner.Start(args);
        var (err, output) = (new StringBuilder(), new StringBuilder());
        process.ErrorDataReceived += (_, e) => Append(err, e.Data);
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        var started = Stopwatch.StartNew();
        while (!working(Read(err), Read(output)))
        {
            if (process.HasExited || started.Elapsed > StartUp)
            {
                var exit = process.HasExited ? process.ExitCode.ToString() : "none";
                process.Kill(entireProcessTree: true);
                Assert.Fail($"{what} showed no sign of work before it ended or in {StartUp} (exit {exit}):\n{Read(err)}");
            }
            Thread.Sleep(poll ?? TimeSpan.FromMilliseconds(100));
        }
        Assert.False(process.HasExited, $"{what} ended before the signal: the job is too short for this test");
        using (var kill = Process.Start("kill", [$"-{signal}", process.Id.ToString()]))
        {
            kill.WaitForExit();
        }
        var watch = Stopwatch.StartNew();
        if (!process.WaitForExit(TimeSpan.FromSeconds(30)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{what} still running 30 s after SIG{signal}:\n{Read(err)}");
        }
        process.WaitForExit(); // drains the redirected streams
        var (stderr, stdout) = (Read(err), Read(output));
        Assert.True(process.ExitCode == 130, $"{what}: exit {process.ExitCode} after SIG{signal}\n{stderr}");
        Assert.Contains($"cancelled: {what}", stderr);
        Assert.DoesNotContain("PROVED", stdout);
        // Generous for a machine shared by several runs; the point is seconds, not the minutes the job would take.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"{what} took {watch.Elapsed} to stop");
        return (stderr, stdout);
    }

    private static void Append(StringBuilder to, string? line)
    {
        if (line is not null)
        {
            lock (to)
            {
                to.AppendLine(line);
            }
        }
    }

    private static string Read(StringBuilder from)
    {
        lock (from)
        {
            return from.ToString();
        }
    }
}
