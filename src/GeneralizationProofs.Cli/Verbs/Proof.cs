using GeneralizationProofs.Catalog;
using GeneralizationProofs.Generalization;
using GeneralizationProofs.Policy;
using GeneralizationProofs.Verification;
using GeneralizationProofs.Verification.Checks;
using GeneralizationProofs.Verification.Solver;

namespace GeneralizationProofs.Cli.Verbs;

/// <summary>Runs the verifier for the verbs that prove (verify, refine --verify, demo).</summary>
public static class Proof
{
    public static VerificationReport Run(PolicyDocument original, PolicyDocument refined, ActionCatalog catalog, ActionSet unused,
        IGeneralizer strategy, PropertyKind? only, uint timeoutMs, string? smtOut, uint resourceLimit = 0)
    {
        using var solver = new Z3Session(timeoutMs, resourceLimit);
        var context = new CheckContext(catalog, unused, strategy, solver, smtOut);
        // --properties: exactly those are claimed, nothing else is measured; otherwise the strategy's claims, all measured.
        return only is { } chosen
            ? new PolicyVerifier(context).Verify(original, refined, chosen, chosen)
            : new PolicyVerifier(context).Verify(original, refined, strategy.Claims);
    }

    public static PropertyKind? ParseProperties(string? list)
    {
        if (string.IsNullOrWhiteSpace(list))
        {
            return null;
        }
        var result = PropertyKind.None;
        foreach (var name in list.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            result |= ReportWriter.ParseProperty(name) ?? throw new InputException("--properties", name,
                "unknown property; use sound, no-escalation, complete, maximal, non-redundant, minimum-size");
        }
        // "--properties ," names nothing: proving the empty set would print "every claimed property PROVED" and exit 0.
        return result != PropertyKind.None ? result : throw new InputException("--properties", list,
            "no property named; use one or more of sound, no-escalation, complete, maximal, non-redundant, minimum-size");
    }
}
