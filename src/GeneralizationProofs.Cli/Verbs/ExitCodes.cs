using GeneralizationProofs.Verification;

namespace GeneralizationProofs.Cli.Verbs;

/// <summary>Exit codes (conventions): 0 ok or proved, 1 refuted, 2 unknown or bad input. The only place a verdict becomes one.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int Refuted = 1;
    public const int UnknownOrBadInput = 2;

    public static int Of(Verdict verdict) => verdict switch
    {
        Verdict.Proved => Ok,
        Verdict.Refuted => Refuted,
        _ => UnknownOrBadInput,
    };
}
