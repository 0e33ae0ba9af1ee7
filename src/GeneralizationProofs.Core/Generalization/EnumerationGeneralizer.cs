using GeneralizationProofs.Patterns;

namespace GeneralizationProofs.Generalization;

/// <summary>
/// The kept actions as literals, no wildcards: the baseline that grants nothing to future actions and is the
/// largest in size. Every wildcard is enumerated, also one that matches no unused action (the point is "no
/// wildcards"); one the catalog knows nothing of stays verbatim, as unknown literals do.
/// </summary>
public sealed class EnumerationGeneralizer : IGeneralizer
{
    public string Name => "enumeration";
    public string Description => "the kept catalog actions as literals, no wildcards (grants nothing to future actions)";
    public PropertyKind Claims => PropertyKind.Sound | PropertyKind.NoEscalation | PropertyKind.Complete | PropertyKind.NonRedundant;

    // No wildcard is emitted, so M1 judges nothing.
    public string? CoarserPrefix(string literalPrefix) => null;

    public IReadOnlyList<string> Generalize(ActionPattern entry, GeneralizationContext context)
    {
        var matched = context.Catalog.Matching(entry);
        return matched.Count == 0 ? [entry.Text] : matched.Where(a => !context.Unused.Contains(a)).ToList();
    }

    // No wildcards here either: each unused action the statement grants is excluded by its own literal.
    public IReadOnlyList<string> NotActionAdditions(IReadOnlyList<string> notAction, GeneralizationContext context) =>
        NotActionExclusions.Literals(notAction, context);
}
