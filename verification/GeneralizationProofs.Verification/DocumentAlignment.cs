using GeneralizationProofs.Verification.Checks;

namespace GeneralizationProofs.Verification;

/// <summary>What the verifier proves for a refined document: Action and NotAction cases, and what is wrong with its structure.</summary>
public sealed record DocumentAlignment(
    List<StatementCase> Cases,
    List<NotActionCase> NotActionCases,
    List<string> Problems,
    List<AlignedStatement> Statements,
    List<Account> Keys);
