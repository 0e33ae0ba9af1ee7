using GeneralizationProofs.Generalization;
using GeneralizationProofs.Refinement;
using GeneralizationProofs.Verification;

namespace GeneralizationProofs.Harness.Corpus;

/// <summary>
/// One policy of a corpus run: how it was refined and what the verifier said. <see cref="Refinement"/>,
/// <see cref="Report"/> and <see cref="Unused"/> are null only for an unreadable policy, whose <see cref="Problem"/>
/// says why.
/// </summary>
public sealed record PolicyProof(
    string File,
    string Name,
    Verdict Verdict,
    string? Problem,
    int GrantedActions,
    int UnusedActions,
    int OriginalPatterns,
    int RefinedPatterns,
    double RefineMs,
    double ProveMs,
    PolicyRefinement? Refinement,
    VerificationReport? Report,
    ActionSet? Unused)
{
    /// <summary>How a report shows the policy: its verdict, or "unreadable" for a policy that could not be read.</summary>
    /// <remarks>A policy read whose strategy failed (an external process) has its unused set but no report: unknown.</remarks>
    public PolicyStatus Status => Report is not null ? (PolicyStatus)Verdict : Unused is null ? PolicyStatus.Unreadable
        : PolicyStatus.Unknown;

    /// <summary>Refinement plus proof.</summary>
    public double Milliseconds => RefineMs + ProveMs;
}
