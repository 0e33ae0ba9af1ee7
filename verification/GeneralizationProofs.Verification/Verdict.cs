namespace GeneralizationProofs.Verification;

/// <summary>
/// The one verdict type, from a single check up to the CLI's exit code (spec §4): Proved, Refuted (with a concrete
/// counterexample), or Unknown (with the reason). Unknown covers everything that is not a proof: a timeout, a
/// resource limit, an engine error, or an input that could not be read.
/// </summary>
public enum Verdict { Proved, Refuted, Unknown }

public static class Verdicts
{
    /// <summary>The verdict as every report and JSON document spells it: proved, refuted, unknown.</summary>
    public static string Name(Verdict verdict) => verdict.ToString().ToLowerInvariant();

    /// <summary>The verdict of a conjunction: any refutation refutes it; otherwise any unknown leaves it unknown.</summary>
    public static Verdict All(IEnumerable<Verdict> verdicts)
    {
        var result = Verdict.Proved;
        foreach (var verdict in verdicts)
        {
            if (verdict == Verdict.Refuted)
            {
                return Verdict.Refuted;
            }
            if (verdict == Verdict.Unknown)
            {
                result = Verdict.Unknown;
            }
        }
        return result;
    }
}
