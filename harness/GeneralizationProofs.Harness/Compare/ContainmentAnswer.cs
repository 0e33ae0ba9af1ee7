namespace GeneralizationProofs.Harness.Compare;

/// <summary>One direction of a comparison: a string <c>side</c> grants and <c>other</c> does not (null: none), or why unknown.</summary>
public sealed record ContainmentAnswer(Witness? Witness, string? Reason, int Queries);
