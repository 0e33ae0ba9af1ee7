namespace GeneralizationProofs.Refinement;

/// <summary>What became of one Action entry: <see cref="Outputs"/> are its patterns in the refined statement.</summary>
public sealed record EntryChange(string Original, EntryOutcome Outcome, IReadOnlyList<string> Outputs, string Reason);
