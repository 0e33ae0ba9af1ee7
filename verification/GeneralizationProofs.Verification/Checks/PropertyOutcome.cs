using GeneralizationProofs.Generalization;

namespace GeneralizationProofs.Verification.Checks;

/// <summary>One property's outcome on one statement. Evidence holds M1 witnesses, M2 witnesses and M3's certificate.</summary>
public sealed record PropertyOutcome(
    PropertyKind Property,
    string Statement,
    Verdict Verdict,
    int Queries,
    Counterexample? Counterexample = null,
    IReadOnlyList<Evidence>? Evidence = null,
    string? Reason = null);
