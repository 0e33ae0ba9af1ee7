namespace GeneralizationProofs.Harness.Compare;

/// <summary>One policy of a corpus comparison: the comparison, or why there is none (counted unknown).</summary>
public sealed record ComparedPolicy(string File, string Name, PolicyComparison? Comparison, string? Problem)
{
    public Relation Relation => Comparison?.Relation ?? Relation.Unknown;
}
