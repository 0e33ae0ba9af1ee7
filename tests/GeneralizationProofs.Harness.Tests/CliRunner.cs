using System.Diagnostics;
using GeneralizationProofs.Cli;
using Xunit;

namespace GeneralizationProofs.Tests;

/// <summary>The CLI tests redirect Console, which is process-wide: they run alone, after the parallel tests.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CliCollection
{
    public const string Name = "genproof CLI";
}

public sealed record CliResult(int Code, string Out, string Err)
{
    /// <summary>The promises of issue 16 for any input: a known exit code, no crash text, no stack frame.</summary>
    public void AssertNoCrash(string what)
    {
        Assert.True(Code is 0 or 1 or 2, $"{what}: exit {Code}\n{Err}");
        Assert.DoesNotContain("Unhandled exception", Err);
        Assert.DoesNotContain("   at ", Err);
    }
}

/// <summary>Runs <c>genproof</c>: in-process through <see cref="CliApp"/> (fast, for many inputs) or as a process.</summary>
public static class CliRunner
{
    private static readonly object ConsoleLock = new();

    /// <summary>In-process, or, when <see cref="CliProcess.Tool"/> names an installed tool, a run of that tool.</summary>
    public static CliResult InProcess(params string[] args)
    {
        if (CliProcess.Tool is not null)
        {
            var run = CliProcess.Wait(CliProcess.Start("", null, args));
            return new CliResult(run.ExitCode, run.Stdout, run.Stderr);
        }
        lock (ConsoleLock)
        {
            var (oldOut, oldErr) = (Console.Out, Console.Error);
            using var output = new StringWriter();
            using var error = new StringWriter();
            Console.SetOut(output);
            Console.SetError(error);
            try
            {
                var code = CliApp.Invoke(args);
                return new CliResult(code, output.ToString(), error.ToString());
            }
            finally
            {
                Console.SetOut(oldOut);
                Console.SetError(oldErr);
            }
        }
    }

    /// <summary>Starts the built CLI as its own process, SIGINT at its default disposition (<see cref="CliProcess.Info"/>).</summary>
    public static Process Start(params string[] args) => Process.Start(CliProcess.Info(null, null, defaultSigint: true, args))!;
}
