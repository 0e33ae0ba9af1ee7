using GeneralizationProofs.Generalization;
using GeneralizationProofs.Verification.Checks;

namespace GeneralizationProofs.Verification;

/// <summary>One property over the whole policy: the worst statement outcome, with every counterexample and witness.</summary>
public sealed record PropertyReport(
    PropertyKind Property,
    bool Claimed,
    Verdict Verdict,
    int Queries,
    double Milliseconds,
    IReadOnlyList<PropertyOutcome> Statements);
