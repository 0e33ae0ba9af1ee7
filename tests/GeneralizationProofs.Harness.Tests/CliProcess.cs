using System.Diagnostics;
using Xunit;

namespace GeneralizationProofs.Tests;

/// <summary>
/// The built <c>genproof</c> run as its own process (the test project references the CLI, so genproof.dll sits beside
/// the tests): what a CI job or a cluster task would run. <see cref="CliRunner.Start"/> and <see cref="Genproof.Run"/>
/// start it through <see cref="Info"/> too. With <c>GENPROOF_TOOL</c> naming an installed tool (the Native AOT
/// binary that <c>.ci/run</c> packs and installs), that executable runs instead, and the in-process runs of
/// <see cref="CliRunner.InProcess"/> become runs of it as well, so the same tests judge the shipped binary.
/// </summary>
public static class CliProcess
{
    public const string ToolVariable = "GENPROOF_TOOL";

    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    /// <summary>The installed executable the tests run instead of genproof.dll, or null.</summary>
    public static string? Tool { get; } = ToolFromEnvironment();

    /// <summary>
    /// True when the installed tool is the Native AOT binary: the AOT compiler puts the compiled code in an ELF section
    /// named __managedcode, which the small host a framework-dependent tool installs (it starts genproof.dll) lacks.
    /// </summary>
    public static bool ToolIsNative { get; } = Tool is not null && File.ReadAllBytes(Tool).AsSpan().IndexOf("__managedcode"u8) >= 0;

    private static string? ToolFromEnvironment()
    {
        var tool = Environment.GetEnvironmentVariable(ToolVariable);
        if (string.IsNullOrEmpty(tool))
        {
            return null;
        }
        // A wrong path must fail every test loudly, not quietly test genproof.dll instead.
        return File.Exists(tool) ? Path.GetFullPath(tool) : throw new FileNotFoundException($"{ToolVariable}: no file at {tool}");
    }

    public static Process Start(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args) =>
        Process.Start(Info(workingDirectory, environment, defaultSigint: false, args))!;

    /// <summary>
    /// The one way the tests start the built CLI (genproof.dll beside the tests). With <paramref name="defaultSigint"/>
    /// it runs under <c>env --default-signal=INT</c> (coreutils), with SIGINT at its default disposition as in a
    /// terminal: a test host started as a background job of a non-interactive shell (as CI may start it) inherits SIGINT
    /// ignored, and the .NET runtime keeps an inherited SIG_IGN, so a Ctrl-C test would send a signal that never arrives.
    /// </summary>
    public static ProcessStartInfo Info(
        string? workingDirectory, IReadOnlyDictionary<string, string>? environment, bool defaultSigint, params string[] args)
    {
        var info = new ProcessStartInfo(defaultSigint ? "env" : Tool ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory ?? "",
        };
        if (defaultSigint)
        {
            info.ArgumentList.Add("--default-signal=INT");
            info.ArgumentList.Add(Tool ?? "dotnet");
        }
        if (Tool is null)
        {
            info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "genproof.dll"));
        }
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        // A job array's index variables from the machine running the tests must not leak into --shard auto/N.
        foreach (var variable in Harness.Shard.IndexVariables)
        {
            info.Environment.Remove(variable);
        }
        // An installed tool lives outside the repository, so it cannot find ../shared beside it as genproof.dll does;
        // it is told where the tests found it, as a user running the tool elsewhere would set GENPROOF_SHARED.
        if (Tool is not null && !info.Environment.ContainsKey("GENPROOF_SHARED") && Harness.SharedData.Find() is { } shared)
        {
            info.Environment["GENPROOF_SHARED"] = shared;
        }
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }
        return info;
    }

    public static Result Wait(Process process, int timeoutSeconds = 600)
    {
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(timeoutSeconds * 1000), $"genproof did not finish in {timeoutSeconds} s");
        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }

    public static Result Run(string workingDirectory, params string[] args) => Wait(Start(workingDirectory, null, args));
}
