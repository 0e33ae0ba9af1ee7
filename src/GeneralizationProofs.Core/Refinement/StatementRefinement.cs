using GeneralizationProofs.Policy;

namespace GeneralizationProofs.Refinement;

/// <param name="Added">entries appended to an Allow statement's NotAction list (spec §3); empty for every other statement.</param>
/// <param name="GrantedUnused">for an Allow + NotAction statement, the unused actions the original grants: excluded by
/// <paramref name="Added"/>, or still granted when the strategy could not refine it (<see cref="StatementOutcome.NotActionKept"/>).</param>
public sealed record StatementRefinement(
    Statement Original,
    StatementOutcome Outcome,
    IReadOnlyList<EntryChange> Entries,
    IReadOnlyList<string>? Added = null,
    IReadOnlyList<string>? GrantedUnused = null)
{
    public IReadOnlyList<string> RefinedActions { get; } = [.. Entries.SelectMany(e => e.Outputs), .. Added ?? []];
}
