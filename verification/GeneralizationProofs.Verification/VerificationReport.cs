using GeneralizationProofs.Generalization;

namespace GeneralizationProofs.Verification;

/// <param name="Accounting">every statement and document-level key, and what the verdict says about it (spec §4).</param>
public sealed record VerificationReport(
    string Policy,
    string Strategy,
    string Solver,
    string Catalog,
    IReadOnlyList<string> StructureProblems,
    IReadOnlyList<PropertyReport> Properties,
    IReadOnlyList<Account>? Accounting = null)
{
    /// <summary>
    /// Proved when every claimed property is; a broken structure refutes the refinement. A policy that still grants an
    /// unused action while sound is claimed but not refuted means the matcher and the solver disagree: Unknown, never
    /// proved.
    /// </summary>
    public Verdict Verdict => StructureProblems.Count > 0 ? Verdict.Refuted
        : Verdicts.All(Properties.Where(p => p.Claimed).Select(p => p.Verdict)) is var claimed && claimed != Verdict.Proved ? claimed
        : GrantsUnused && Properties.Any(p => p.Claimed && p.Property == PropertyKind.Sound) ? Verdict.Unknown
        : Verdict.Proved;

    /// <summary>Some statement still grants an unused action (the accounting's matcher lists say which).</summary>
    public bool GrantsUnused => (Accounting ?? []).Any(a => a.StillGranted.Count > 0);

    public bool Proved => Verdict == Verdict.Proved;
}
