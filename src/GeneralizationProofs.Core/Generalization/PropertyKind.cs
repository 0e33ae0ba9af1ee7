namespace GeneralizationProofs.Generalization;

/// <summary>The properties of spec §4. A strategy claims some; the verifier proves those and measures the rest.</summary>
[Flags]
public enum PropertyKind
{
    None = 0,
    Sound = 1,
    NoEscalation = 2,
    Complete = 4,
    /// <summary>M1: every emitted wildcard's next coarser candidate (at the strategy's granularity) is unsafe or escapes.</summary>
    Maximal = 8,
    /// <summary>M2: every output pattern covers a kept action no other output pattern covers.</summary>
    NonRedundant = 16,
    /// <summary>M3: no smaller set of prefix globs and literals covers the kept actions without meeting the unused ones.</summary>
    MinimumSize = 32,
    All = Sound | NoEscalation | Complete | Maximal | NonRedundant | MinimumSize,
}

/// <summary>The properties' names (as <c>--properties</c>, reports and JSON spell them), in the order reports list them.</summary>
public static class PropertyKinds
{
    public static readonly PropertyKind[] Order =
    [
        PropertyKind.Sound, PropertyKind.NoEscalation, PropertyKind.Complete,
        PropertyKind.Maximal, PropertyKind.NonRedundant, PropertyKind.MinimumSize,
    ];

    public static string Name(PropertyKind property) => property switch
    {
        PropertyKind.Sound => "sound",
        PropertyKind.NoEscalation => "no-escalation",
        PropertyKind.Complete => "complete",
        PropertyKind.Maximal => "maximal",
        PropertyKind.NonRedundant => "non-redundant",
        PropertyKind.MinimumSize => "minimum-size",
        _ => property.ToString(),
    };

    /// <summary>The name with the spec's label for the three minimality notions, for tables.</summary>
    public static string Label(PropertyKind property) => property switch
    {
        PropertyKind.Maximal => "maximal (M1)",
        PropertyKind.NonRedundant => "non-redundant (M2)",
        PropertyKind.MinimumSize => "minimum-size (M3)",
        _ => Name(property),
    };

    public static string Names => string.Join(", ", Order.Select(Name));

    public static PropertyKind? Parse(string name) =>
        Order.Cast<PropertyKind?>().FirstOrDefault(p => Name(p!.Value) == name.Trim());

    public static IEnumerable<PropertyKind> In(PropertyKind set) => Order.Where(p => set.HasFlag(p));
}
