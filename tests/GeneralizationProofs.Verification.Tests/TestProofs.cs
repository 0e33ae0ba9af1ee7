using GeneralizationProofs.Catalog;
using GeneralizationProofs.Generalization;
using GeneralizationProofs.Policy;
using GeneralizationProofs.Verification;
using GeneralizationProofs.Verification.Checks;
using GeneralizationProofs.Verification.Solver;

namespace GeneralizationProofs.Tests;

/// <summary>Refine with a strategy, then prove with the real Z3 (never a mock), through the one refine-and-prove flow.</summary>
public static class TestProofs
{
    public static VerificationReport RefineAndVerify(IPolicyStrategy strategy, ActionCatalog catalog, PolicyDocument policy, ActionSet unused,
        PropertyKind? claimed = null, string? smtOut = null)
    {
        using var solver = new Z3Session();
        var scope = new ProofScope(claimed ?? strategy.Claims, PropertyKind.All);
        return RefineAndProve.Run(strategy, policy, catalog, unused, solver, scope, smtOut).Report;
    }

    public static PolicyDocument PolicyWith(params string[] actions) =>
        PolicyDocument.FromText($$"""{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": [{{string.Join(", ", actions.Select(a => $"\"{a}\""))}}], "Resource": "*"}]}""", "test-policy");

    public static PropertyReport Property(VerificationReport report, PropertyKind kind) => report.Properties.Single(p => p.Property == kind);

    public static Counterexample Counterexample(VerificationReport report, PropertyKind kind) =>
        Property(report, kind).Statements.Select(s => s.Counterexample).First(c => c is not null)!;
}
