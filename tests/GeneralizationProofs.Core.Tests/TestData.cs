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

    public static ActionCatalog Catalog(string file = "aws-2024-06-16.json")
    {
        lock (Catalogs)
        {
            if (!Catalogs.TryGetValue(file, out var catalog))
            {
                Catalogs[file] = catalog = ActionCatalog.Load(Path($"catalogs/{file}"));
            }
            return catalog;
        }
    }

    public static ActionCatalog SmallCatalog(params string[] actions) => new(actions, "test", "test");

    /// <summary>Refines the acceptance example of spec §1 with a strategy.</summary>
    public static (PolicyDocument Policy, ActionSet Unused, PolicyRefinement Refinement) Acceptance(IGeneralizer strategy, ActionCatalog catalog)
    {
        var policy = PolicyDocument.FromText(AcceptanceExample.PolicyJson, "MyRole");
        var unused = UnusedActions.Read(JsonInput.Parse(AcceptanceExample.UnusedJson, "unused"), "unused", catalog, false, out _);
        var refinement = new PolicyRefiner(strategy, new GeneralizationContext(catalog, unused)).Refine(policy);
        return (policy, unused, refinement);
    }
}
