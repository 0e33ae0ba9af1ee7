using GeneralizationProofs.Catalog;
using GeneralizationProofs.Generalization;
using GeneralizationProofs.Policy;
using GeneralizationProofs.Refinement;
using GeneralizationProofs.Verification;
using GeneralizationProofs.Verification.Checks;
using GeneralizationProofs.Verification.Solver;

namespace GeneralizationProofs.Tests;

/// <summary>Refine with a strategy, then prove with the real Z3 (never a mock).</summary>
public static class Harness
{
    public static VerificationReport RefineAndVerify(IGeneralizer strategy, ActionCatalog catalog, PolicyDocument policy, ActionSet unused,
        PropertyKind? claimed = null, string? smtOut = null)
    {
        var refinement = new PolicyRefiner(strategy, new GeneralizationContext(catalog, unused)).Refine(policy);
        var refined = PolicyDocument.Parse(refinement.Refined, "refined");
        using var solver = new Z3Session();
        var context = new CheckContext(catalog, unused, strategy, solver, smtOut);
        return new PolicyVerifier(context).Verify(policy, refined, claimed ?? strategy.Claims);
    }

    public static PolicyDocument PolicyWith(params string[] actions) =>
        PolicyDocument.FromText($$"""{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": [{{string.Join(", ", actions.Select(a => $"\"{a}\""))}}], "Resource": "*"}]}""", "test-policy");

    public static PropertyReport Property(VerificationReport report, PropertyKind kind) => report.Properties.Single(p => p.Property == kind);

    public static Counterexample Counterexample(VerificationReport report, PropertyKind kind) =>
        Property(report, kind).Statements.Select(s => s.Counterexample).First(c => c is not null)!;
}
