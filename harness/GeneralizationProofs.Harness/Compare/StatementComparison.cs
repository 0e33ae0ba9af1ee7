namespace GeneralizationProofs.Harness.Compare;

/// <summary>One statement pair: the patterns of each side, the relation, and a witness for each proved difference.</summary>
public sealed record StatementComparison(string Label, IReadOnlyList<string> Left, IReadOnlyList<string> Right, Relation Relation,
    Witness? LeftOnly, Witness? RightOnly, string? Reason, int Queries);
