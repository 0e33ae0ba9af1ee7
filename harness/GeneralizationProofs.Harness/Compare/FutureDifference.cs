namespace GeneralizationProofs.Harness.Compare;

/// <summary>Actions of a later catalog (not in the compared one) that exactly one side grants.</summary>
public sealed record FutureDifference(string Catalog, int NewActions, int LeftOnly, int RightOnly);
