using System.Diagnostics;
using GeneralizationProofs.Cli.Verbs;
using Xunit;

namespace GeneralizationProofs.Tests;

/// <summary>
/// Issue 16, output folders: a report folder is written as a whole (no stale page of an earlier run, nothing half
/// written when the disk fills up), two runs never write one folder at once, and an output that cannot be written is
/// refused before any work. The read-only and full-disk cases mount a small tmpfs, which needs root (skipped without).
/// </summary>
[Collection(CliCollection.Name)]
public sealed class ReportFolderTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("genproof-report-folder-");
    private readonly List<string> _mounts = [];

    public void Dispose()
    {
        foreach (var mount in _mounts)
        {
            Command("umount", mount);
        }
        _dir.Delete(recursive: true);
    }

    private static string Catalog => TestData.Path("catalogs/aws-2026-08-21.json");

    /// <summary>A policy folder of the named shared policies (small ones: the runs take a second or two).</summary>
    private string Policies(string name, params string[] files)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_dir.FullName, name)).FullName;
        foreach (var file in files)
        {
            File.Copy(TestData.Path($"policies/aws-managed/{file}"), Path.Combine(folder, file));
        }
        return folder;
    }

    private static CliResult Corpus(string policies, string report) =>
        CliRunner.InProcess("corpus", "--policies", policies, "--catalog", Catalog, "--report", report, "--jobs", "1");

    private static int Command(string program, params string[] args)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        args.ToList().ForEach(info.ArgumentList.Add);
        using var process = Process.Start(info)!;
        process.WaitForExit();
        return process.ExitCode;
    }

    /// <summary>A fresh tmpfs with the given mount options, or a skip where mounting is not allowed.</summary>
    private string Tmpfs(string name, string options)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_dir.FullName, name)).FullName;
        Skip.IfNot(OperatingSystem.IsLinux() && Command("mount", "-t", "tmpfs", "-o", options, "tmpfs", folder) == 0,
            "mounting a tmpfs needs root");
        _mounts.Insert(0, folder);
        return folder;
    }

    [SkippableFact]
    public void ASecondRunReplacesTheWholeFolderLeavingNoStalePage()
    {
        var report = Path.Combine(_dir.FullName, "report");
        var two = Corpus(Policies("two", "AWSDenyAll.json", "AmazonSumerianFullAccess.json"), report);
        Assert.True(two.Code == 0, two.Err + two.Out);
        Assert.Equal(2, Directory.GetFiles(Path.Combine(report, "policies")).Length);

        var one = Corpus(Policies("one", "AWSDenyAll.json"), report);
        Assert.True(one.Code == 0, one.Err + one.Out);
        var page = Assert.Single(Directory.GetFiles(Path.Combine(report, "policies")));
        Assert.Contains("AWSDenyAll", page);
        // Nothing of the staging left beside the folder (the lock file stays: an OS lock, released when a run ends).
        Assert.Equal([StagedFolder.LockFile(report)],
            Directory.GetFileSystemEntries(_dir.FullName, ".report*").Select(Path.GetFullPath));
    }

    [SkippableFact]
    public void ASecondRunIntoAFolderBeingWrittenSaysSoAndExits2()
    {
        var report = Path.Combine(_dir.FullName, "report");
        var policies = Policies("one", "AWSDenyAll.json");
        // The first run's hold on the folder, as its lock (an OS lock on the lock file, as a second process would see it).
        using (new FileStream(StagedFolder.LockFile(report), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None))
        {
            var second = Corpus(policies, report);
            Assert.Equal(2, second.Code);
            Assert.Contains("another genproof run is writing", second.Err);
            Assert.DoesNotContain("RESULT", second.Out); // refused before proving anything
            Assert.False(Directory.Exists(report));
        }
        var after = Corpus(policies, report); // the lock is gone with the run that held it
        Assert.True(after.Code == 0, after.Err + after.Out);
    }

    [SkippableFact]
    public void OutputsThatCannotBeWrittenAreRefusedBeforeAnyWork()
    {
        var readOnly = Tmpfs("read-only", "ro,size=64k");
        var policies = Policies("one", "AWSDenyAll.json");
        var example = Path.Combine(Genproof.RepoRoot(), "examples", "my-role");
        var (policy, unused) = (Path.Combine(example, "policy.json"), Path.Combine(example, "unused.json"));
        var runs = new (string Option, string[] Args)[]
        {
            ("--report", ["corpus", "--policies", policies, "--catalog", Catalog, "--report", Path.Combine(readOnly, "report")]),
            ("--refined-out", ["corpus", "--policies", policies, "--catalog", Catalog, "--refined-out", Path.Combine(readOnly, "r")]),
            ("--out", ["refine", "--policy", policy, "--unused", unused, "--catalog", Catalog, "--out", Path.Combine(readOnly, "r.json")]),
            ("--smt-out", ["verify", "--policy", policy, "--unused", unused, "--catalog", Catalog, "--refined", policy,
                "--smt-out", Path.Combine(readOnly, "smt")]),
            ("--paper", ["bench-report", "--policies", policies, "--out", Path.Combine(_dir.FullName, "tables"),
                "--paper", Path.Combine(readOnly, "paper.md")]),
            ("--out", ["bench-report", "--policies", policies, "--out", Path.Combine(readOnly, "tables")]),
            ("--report", ["compare", "--policies", policies, "--catalog", Catalog, "--left-strategy", "reference",
                "--right-strategy", "enumeration", "--report", Path.Combine(readOnly, "compare")]),
        };
        foreach (var (option, args) in runs)
        {
            var result = CliRunner.InProcess(args);
            var what = $"{string.Join(' ', args.Take(1))} {option}";
            Assert.True(result.Code == 2, $"{what}: exit {result.Code}\n{result.Err}");
            result.AssertNoCrash(what);
            Assert.Contains(option, result.Err);
            Assert.True(result.Out.Length == 0, $"{what} worked before refusing:\n{result.Out}");
            Assert.DoesNotContain("study:", result.Err); // bench-report's first line after its work
        }
        Assert.Empty(Directory.GetFileSystemEntries(readOnly));
    }

    [SkippableFact]
    public void AFullDiskLeavesNoHalfReportAndTheEarlierReportWhole()
    {
        var disk = Tmpfs("full", "size=24k");
        var report = Path.Combine(disk, "report");
        Directory.CreateDirectory(report);
        File.WriteAllText(Path.Combine(report, "index.html"), "the earlier run's report");

        var result = Corpus(Policies("two", "AWSDenyAll.json", "AmazonSumerianFullAccess.json"), report);
        Assert.Equal(2, result.Code);
        result.AssertNoCrash("corpus --report on a full disk");
        Assert.Contains("--report", result.Err);
        Assert.Contains("No space left on device", result.Err);
        Assert.Equal(["index.html"], Directory.GetFileSystemEntries(report).Select(Path.GetFileName));
        Assert.Equal("the earlier run's report", File.ReadAllText(Path.Combine(report, "index.html")));
        Assert.Equal([StagedFolder.LockFile(report), report], Directory.GetFileSystemEntries(disk).Order(StringComparer.Ordinal));
    }

    [SkippableFact]
    public void AFullDiskDuringVerifySmtOutNamesTheOptionAndLeavesNoFolder()
    {
        // Room for the staging folder and a query file or two, not for the whole proof's queries: the disk fills mid-proof.
        var disk = Tmpfs("smt-full", "size=8k");
        var smt = Path.Combine(disk, "smt");
        var example = Path.Combine(Genproof.RepoRoot(), "examples", "my-role");
        var result = CliRunner.InProcess("verify", "--policy", Path.Combine(example, "policy.json"), "--unused",
            Path.Combine(example, "unused.json"), "--catalog", Catalog, "--refined", Path.Combine(example, "expected.json"),
            "--smt-out", smt, "--engine", "z3");
        Assert.True(result.Code == 2, $"exit {result.Code}\n{result.Err}");
        result.AssertNoCrash("verify --smt-out on a full disk");
        Assert.Contains("--smt-out", result.Err);
        Assert.Contains("No space left on device", result.Err);
        Assert.DoesNotContain("PROVED", result.Out);
        Assert.Equal([StagedFolder.LockFile(smt)], Directory.GetFileSystemEntries(disk));
    }
}
