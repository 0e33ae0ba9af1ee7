using GeneralizationProofs.Catalog;
using GeneralizationProofs.Generalization;
using GeneralizationProofs.Patterns;
using GeneralizationProofs.Policy;

namespace GeneralizationProofs.Harness.Corpus;

/// <summary>
/// A real policy turned into a refinement case: the catalog actions its Allow statements grant, a seeded share of
/// them marked unused. The seed mixes the run's seed with a stable hash of the file name, so a policy's unused set
/// does not depend on which other policies are in the run or in what order they are processed.
/// </summary>
public static class CorpusCase
{
    /// <summary>The files of the policy folders, in a fixed order (the raw folder's files have no extension).</summary>
    public static List<string> Files(IEnumerable<string> folders) => Files(folders, out _);

    /// <summary>
    /// As above; <paramref name="skipped"/> gets the entries that are not regular files (a FIFO, a socket, a device):
    /// opening a FIFO blocks until someone writes to it, and a device may never end, so they are never read.
    /// </summary>
    public static List<string> Files(IEnumerable<string> folders, out List<string> skipped)
    {
        var files = folders.SelectMany(folder => Directory.Exists(folder)
                ? Directory.GetFiles(folder).Order(StringComparer.Ordinal)
                : throw new InputException(folder, "folder", "not found"))
            .Where(f => !Path.GetFileName(f).StartsWith('.') && !Path.GetFileName(f).Equals("README.md",
                StringComparison.OrdinalIgnoreCase))
            .ToList();
        skipped = files.Where(f => !FileKind.IsRegular(f)).ToList();
        return skipped.Count == 0 ? files : files.Except(skipped).ToList();
    }

    /// <summary>Every <paramref name="every"/>th file of the list (1 = all): a fixed sample, the same on every run.</summary>
    public static List<string> Sample(IReadOnlyList<string> files, int every) =>
        files.Where((_, i) => i % Math.Max(1, every) == 0).ToList();

    /// <summary>
    /// The catalog actions that the policy's Allow statements grant, sorted: what Action lists match, and every catalog
    /// action outside a NotAction list. Both kinds are refined (spec §3), so unused actions are drawn from both; drawn
    /// from Action statements only, a NotAction statement's own grants were never unused and its refinement never tested.
    /// </summary>
    public static IReadOnlyList<string> Granted(PolicyDocument policy, ActionCatalog catalog)
    {
        var allow = policy.Statements.Where(s => s.Effect == Effect.Allow).ToList();
        var byAction = catalog.Granted(allow.Where(s => !s.IsNotAction).SelectMany(s => s.Actions));
        var byNotAction = allow.Where(s => s.IsNotAction).SelectMany(s => OutsideOf(s.Actions, catalog));
        return byAction.Concat(byNotAction).Distinct(AsciiCase.EqualityComparer).Order(AsciiCase.Comparer).ToList();
    }

    private static IEnumerable<string> OutsideOf(IReadOnlyList<string> notAction, ActionCatalog catalog)
    {
        var excluded = new NotActionExclusions.PatternsByPrefix(notAction);
        return catalog.Actions.Where(a => !excluded.AnyMatches(a));
    }

    public static ActionSet Unused(PolicyDocument policy, ActionCatalog catalog, double rate, int seed) =>
        Unused(policy, Granted(policy, catalog), rate, seed);

    /// <summary>As above, from the policy's <see cref="Granted"/> actions when the caller needs them too.</summary>
    public static ActionSet Unused(PolicyDocument policy, IReadOnlyList<string> granted, double rate, int seed)
    {
        var random = new Random(unchecked(seed * 1_000_003 + StableHash(Path.GetFileName(policy.File))));
        return new ActionSet(granted.Where(_ => random.NextDouble() < rate).ToList());
    }

    /// <summary>FNV-1a: unlike string.GetHashCode, the same in every process.</summary>
    public static int StableHash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }
        return unchecked((int)hash);
    }
}
