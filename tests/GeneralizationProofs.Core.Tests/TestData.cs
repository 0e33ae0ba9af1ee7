using GeneralizationProofs.Catalog;
using GeneralizationProofs.Generalization;
using GeneralizationProofs.Harness;
using GeneralizationProofs.Policy;
using GeneralizationProofs.Refinement;
using Xunit;

namespace GeneralizationProofs.Tests;

/// <summary>
/// Finds ../shared beside the repository. Missing data fails the test under CI (CI=true) with a clear message and
/// skips it elsewhere, with the reason.
/// </summary>
public static class TestData
{
    private static readonly Dictionary<string, ActionCatalog> Catalogs = [];

    public static string Path(string relative)
    {
        var shared = SharedData.Find();
        var full = shared is null ? null : System.IO.Path.Combine(shared, relative);
        if (full is not null && (File.Exists(full) || Directory.Exists(full)))
        {
            return full;
        }
        var message = $"shared data '{relative}' not found beside the repository (../shared) and GENPROOF_SHARED is not set";
        if (Environment.GetEnvironmentVariable("CI") is { Length: > 0 })
        {
            Assert.Fail(message);
        }
        Skip.If(true, message);
        return "";
    }

    public static ActionCatalog Catalog(string file = "aws-2024-06-16.json") => SharedCatalog($"catalogs/{file}");

    public static ActionCatalog SmallCatalog(params string[] actions) => new(actions, "test", "test");

    /// <summary>A catalog in ../shared by its path there (<c>catalogs/aws-2024-06-16.json</c>), read once per run.</summary>
    public static ActionCatalog SharedCatalog(string relative)
    {
        lock (Catalogs)
        {
            if (!Catalogs.TryGetValue(relative, out var catalog))
            {
                Catalogs[relative] = catalog = ActionCatalog.Load(Path(relative));
            }
            return catalog;
        }
    }

    /// <summary>A case's catalog: its own small file, or the shared one it names (missing shared data skips the test).</summary>
    public static ActionCatalog CatalogOf(ExampleCase example) =>
        example.SharedCatalog is { } shared ? SharedCatalog(shared) : ActionCatalog.Load(example.CatalogFile);

    /// <summary>Refines the acceptance example of spec §1 (<c>examples/my-role</c>) with a strategy.</summary>
    public static (PolicyDocument Policy, ActionSet Unused, PolicyRefinement Refinement) Acceptance(
        IGeneralizer strategy, ActionCatalog catalog)
    {
        var example = ExampleCase.Named(ExampleCase.Acceptance);
        var policy = example.LoadPolicy();
        var unused = UnusedActions.Load(example.UnusedFile, catalog, ignoreStale: false, out _);
        var refinement = new PolicyRefiner(strategy, new GeneralizationContext(catalog, unused)).Refine(policy);
        return (policy, unused, refinement);
    }
}
