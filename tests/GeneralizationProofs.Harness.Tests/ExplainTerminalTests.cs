using System.Diagnostics;
using Xunit;

namespace GeneralizationProofs.Tests;

/// <summary>
/// The built <c>genproof refine --format explain</c> in a real pseudo-terminal (util-linux <c>script</c>): in colour
/// there, and without a single escape code under <c>NO_COLOR</c>, with <c>--no-color</c>, or with stdout redirected.
/// </summary>
public class ExplainTerminalTests
{
    private static readonly string[] Refine =
    [
        "refine", "--policy", "examples/my-role/policy.json", "--unused", "examples/my-role/unused.json",
        "--catalog", "../shared/catalogs/aws-2024-06-16.json", "--format", "explain",
    ];

    private static string InTerminal(string? noColor, params string[] extra)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "genproof.dll");
        var command = string.Join(' ', new[] { "dotnet", "exec", dll }.Concat(Refine).Concat(extra).Select(a => $"'{a}'"));
        var info = new ProcessStartInfo("script") { RedirectStandardOutput = true, WorkingDirectory = Genproof.RepoRoot() };
        foreach (var arg in new[] { "-q", "-e", "-c", command, "/dev/null" })
        {
            info.ArgumentList.Add(arg);
        }
        info.Environment.Remove("NO_COLOR");
        if (noColor is not null)
        {
            info.Environment["NO_COLOR"] = noColor;
        }
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, output);
        return output;
    }

    private const string Sgr = "\u001b\\[[0-9;]*m";

    [SkippableFact]
    public void ColourOnATerminalAndNoEscapeCodeOtherwise()
    {
        Skip.IfNot(File.Exists("/usr/bin/script"), "util-linux script (a pseudo-terminal) is not installed");
        Skip.IfNot(Directory.Exists(TestData.Path("catalogs")), "../shared is not beside the repository");
        var coloured = InTerminal(noColor: null);
        Assert.Matches(Sgr, coloured);
        Assert.Contains("unsafe s3:Get: unused ", coloured);

        // On a terminal the .NET runtime itself writes the keypad mode (ESC[?1h ESC=) for any program; colour is SGR.
        Assert.DoesNotMatch(Sgr, InTerminal(noColor: "1"));
        Assert.DoesNotMatch(Sgr, InTerminal(noColor: null, "--no-color"));
        var redirected = Genproof.Run(Refine);
        Assert.Equal(0, redirected.ExitCode);
        Assert.Contains("unsafe s3:Get: unused ", redirected.Stdout);
        Assert.DoesNotContain('\u001b', redirected.Stdout);
        Assert.DoesNotContain('\u001b', redirected.Stderr);
    }
}
