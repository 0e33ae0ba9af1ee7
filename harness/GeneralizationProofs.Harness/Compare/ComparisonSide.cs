using GeneralizationProofs.Catalog;
using GeneralizationProofs.Generalization;
using GeneralizationProofs.Policy;

namespace GeneralizationProofs.Harness.Compare;

/// <summary>Where one side of a comparison comes from: a strategy run now, a refined file, or a folder of stored outputs.</summary>
public abstract class ComparisonSide(string name)
{
    public string Name { get; } = name;

    /// <summary>The side's refinement of <paramref name="policy"/>, read as a user's file would be read.</summary>
    public abstract PolicyDocument Refined(PolicyDocument policy, ActionCatalog catalog, ActionSet unused);

    public static ComparisonSide Of(IPolicyStrategy strategy) => new StrategySide(strategy);

    public static ComparisonSide File(string path) => new FileSide(path);

    public static ComparisonSide Folder(string folder) => new FolderSide(folder);

    /// <summary>
    /// Where a corpus run stores (and a folder side finds) the refinement of a policy file: under the policy's folder
    /// name, because the two shared corpora hold files of the same name.
    /// </summary>
    public static string StoredPath(string folder, string policyFile) =>
        Path.Combine(folder, Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(policyFile)))!, Path.GetFileName(policyFile));

    private sealed class StrategySide(IPolicyStrategy strategy) : ComparisonSide(strategy.Name)
    {
        public override PolicyDocument Refined(PolicyDocument policy, ActionCatalog catalog, ActionSet unused) =>
            PolicyDocument.Parse(strategy.Refine(policy, new GeneralizationContext(catalog, unused)).Refined, policy.File);
    }

    // The name is the path: the side reads it back from the base, not from a second captured copy.
    private sealed class FileSide(string path) : ComparisonSide(path)
    {
        public override PolicyDocument Refined(PolicyDocument policy, ActionCatalog catalog, ActionSet unused) => PolicyDocument.Load(Name);
    }

    private sealed class FolderSide(string folder) : ComparisonSide(folder)
    {
        public override PolicyDocument Refined(PolicyDocument policy, ActionCatalog catalog, ActionSet unused)
        {
            var folder = Name;
            var stored = StoredPath(folder, policy.File);
            var flat = Path.Combine(folder, Path.GetFileName(policy.File));
            return PolicyDocument.Load(System.IO.File.Exists(stored) || !System.IO.File.Exists(flat) ? stored : flat);
        }
    }
}
