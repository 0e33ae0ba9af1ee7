using GeneralizationProofs.Policy;
using GeneralizationProofs.Refinement;

namespace GeneralizationProofs.Verification;

/// <summary>A refinement and what the verifier said about it, with the time each half took.</summary>
public sealed record RefinementProof(PolicyRefinement Refinement, PolicyDocument Refined, VerificationReport Report, double RefineMs,
    double ProveMs);
