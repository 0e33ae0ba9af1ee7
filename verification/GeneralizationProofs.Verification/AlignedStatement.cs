using GeneralizationProofs.Policy;

namespace GeneralizationProofs.Verification;

/// <summary>An original statement and the refined one it became (null: removed); <see cref="CaseLabel"/> names it in proofs.</summary>
public sealed record AlignedStatement(Statement Original, Statement? Partner, string CaseLabel);
