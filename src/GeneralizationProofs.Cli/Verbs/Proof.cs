using GeneralizationProofs.Generalization;
using GeneralizationProofs.Verification;

namespace GeneralizationProofs.Cli.Verbs;

/// <summary>The <c>--properties</c> option of the verbs that prove.</summary>
public static class Proof
{
    /// <summary>The properties named (all claimed), or the strategy's claims with the rest measured when none are named.</summary>
    public static ProofScope Scope(IPolicyStrategy strategy, string? list)
    {
        if (list is null)
        {
            return ProofScope.ClaimsAndMeasurements(strategy);
        }
        var result = PropertyKind.None;
        foreach (var name in list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            result |= PropertyKinds.Parse(name)
                ?? throw new InputException("--properties", InputException.Shown(name), $"unknown property; use {PropertyKinds.Names}");
        }
        // An empty set would check nothing and still print "proved" (issue 12).
        return result == PropertyKind.None
            ? throw new InputException("--properties", list, $"names no property; use {PropertyKinds.Names}")
            : ProofScope.Exactly(result);
    }
}
