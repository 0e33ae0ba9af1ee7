using System.Diagnostics;
using GeneralizationProofs.Generalization;
using GeneralizationProofs.Harness.External;
using GeneralizationProofs.Harness.Reports;
using Xunit;
using static GeneralizationProofs.Tests.TestProofs;

namespace GeneralizationProofs.Tests;

/// <summary>
/// assembly: plug-ins: the README's "Adding a strategy" example is compiled by <c>dotnet build</c> as a separate
/// class library (outside the repository), loaded in its own load context and proved, in-process and through genproof.
/// </summary>
public class PluginStrategyTests
{
    private static readonly Lazy<string> Plugin = new(Build);

    private static string Build()
    {
        var folder = Directory.CreateTempSubdirectory("genproof-plugin-test-").FullName;
        var source = "using GeneralizationProofs.Generalization;\n" + string.Concat(
            Genproof.ReadmeBlock("## Adding a strategy", "csharp").Split('\n').Where(l => !l.StartsWith("using ", StringComparison.Ordinal))
                .Select(l => l + "\n"));
        File.WriteAllText(Path.Combine(folder, "VerbGeneralizer.cs"),
            "using GeneralizationProofs.Patterns;\nnamespace Researcher;\n" + source);
        // The compiled Core (the one genproof runs) and not copied beside the plug-in: the load context must share
        // it, or IGeneralizer would not be the harness's type.
        var core = Path.Combine(AppContext.BaseDirectory, "GeneralizationProofs.Core.dll");
        File.WriteAllText(Path.Combine(folder, "Plugin.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>
                <Reference Include="GeneralizationProofs.Core"><HintPath>{core}</HintPath><Private>false</Private></Reference>
              </ItemGroup>
            </Project>
            """);
        var info = new ProcessStartInfo("dotnet", ["build", "-o", "out", "-nologo", "-v", "q"])
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(info)!;
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"dotnet build of the plug-in failed:\n{output}\n{errors.Result}");
        Assert.False(File.Exists(Path.Combine(folder, "out", "GeneralizationProofs.Core.dll")));
        return Path.Combine(folder, "out", "Plugin.dll");
    }

    [SkippableFact]
    public void APluginBuiltOutsideTheRepositoryIsLoadedAndProved()
    {
        var catalog = TestData.Catalog();
        var strategy = PluginStrategy.Load(Plugin.Value);
        Assert.Equal("verb", strategy.Name);
        Assert.NotEqual(System.Runtime.Loader.AssemblyLoadContext.Default,
            System.Runtime.Loader.AssemblyLoadContext.GetLoadContext(strategy.GetType().Assembly));
        var random = new Random(3);
        var unused = new ActionSet(catalog.Actions.Where(a => a.StartsWith("s3:", StringComparison.Ordinal))
            .Where(_ => random.NextDouble() < 0.2));
        var report = RefineAndVerify(strategy, catalog, PolicyWith("s3:*", "s3:Get*"), unused);
        Assert.True(report.Proved, ReportWriter.Text(report));
    }

    [SkippableFact]
    public void GenproofSelectsThePluginByPathAndTypeName()
    {
        Skip.If(CliProcess.ToolIsNative, "the Native AOT tool loads no plug-in (TheNativeToolRefusesAPluginAndSaysWhy)");
        var catalog = TestData.Path("catalogs/aws-2024-06-16.json");
        var folder = Directory.CreateTempSubdirectory("genproof-plugin-run-").FullName;
        var policy = Path.Combine(folder, "p.json");
        var unused = Path.Combine(folder, "u.json");
        File.WriteAllText(policy, """{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:Get*", "Resource": "*"}}""");
        File.WriteAllText(unused, """[{"serviceNamespace": "s3", "actions": ["GetObjectAcl"]}]""");
        var run = Genproof.Run("refine", "--verify", "--strategy", $"assembly:{Plugin.Value}:Researcher.VerbGeneralizer",
            "--policy", policy, "--unused", unused, "--catalog", catalog);
        Assert.True(run.ExitCode == 0, run.ToString());
        var wrong = Genproof.Run("refine", "--strategy", $"assembly:{Plugin.Value}:Nope", "--policy", policy, "--unused", unused,
            "--catalog", catalog);
        Assert.Equal(2, wrong.ExitCode);
        Assert.Contains("no IGeneralizer type 'Nope'", wrong.Stderr);
    }

    [SkippableFact]
    public void TheNativeToolRefusesAPluginAndSaysWhy()
    {
        Skip.IfNot(CliProcess.ToolIsNative, "only the Native AOT tool (GENPROOF_TOOL) refuses plug-ins");
        var run = Genproof.Run("refine", "--strategy", $"assembly:{Plugin.Value}:Researcher.VerbGeneralizer",
            "--policy", "examples/my-role/policy.json", "--unused", "examples/my-role/unused.json",
            "--catalog", TestData.Path("catalogs/aws-2024-06-16.json"));
        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains(PluginStrategy.UnsupportedReason, run.Stderr);
        Assert.DoesNotContain("   at ", run.Stderr);
    }
}
