using GeneralizationProofs.Verification;

namespace GeneralizationProofs.Harness.Campaign;

/// <summary>What one property said about one case; a refutation or unknown says why in one readable message.</summary>
public sealed record CaseResult(Verdict Verdict, string Message = "")
{
    public static readonly CaseResult Holds = new(Verdict.Proved);
    public static CaseResult Fails(string message) => new(Verdict.Refuted, message);
    public static CaseResult Unknown(string message) => new(Verdict.Unknown, message);
}
