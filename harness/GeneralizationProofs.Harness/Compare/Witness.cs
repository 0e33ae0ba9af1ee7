namespace GeneralizationProofs.Harness.Compare;

/// <summary>A string one side grants and the other does not, re-checked by the core matcher; from the catalog when one exists.</summary>
public sealed record Witness(string Action, bool InCatalog);
