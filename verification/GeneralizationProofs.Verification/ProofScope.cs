using GeneralizationProofs.Generalization;

namespace GeneralizationProofs.Verification;

/// <summary>Which properties a proof judges: the claimed ones decide the verdict; the measured ones are only reported.</summary>
public sealed record ProofScope(PropertyKind Claimed, PropertyKind Measured)
{
    /// <summary>The strategy's claims and nothing else (the corpus, campaigns and the study ask "is it still right?").</summary>
    public static ProofScope ClaimsOf(IPolicyStrategy strategy) => new(strategy.Claims, strategy.Claims);

    /// <summary>The strategy's claims proved, every other property measured (verify, refine --verify, demo).</summary>
    public static ProofScope ClaimsAndMeasurements(IPolicyStrategy strategy) => new(strategy.Claims, PropertyKind.All);

    /// <summary>Exactly these properties, all claimed (<c>--properties</c>).</summary>
    public static ProofScope Exactly(PropertyKind properties) => new(properties, properties);
}
