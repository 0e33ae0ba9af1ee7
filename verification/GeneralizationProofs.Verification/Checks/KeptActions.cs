using GeneralizationProofs.Catalog;
using GeneralizationProofs.Generalization;
using GeneralizationProofs.Patterns;
using GeneralizationProofs.Verification.Solver;

namespace GeneralizationProofs.Verification.Checks;

/// <summary>The kept actions K = (C ∩ L(P)) \ U of a statement, computed by the matcher and confirmed by the solver.</summary>
public static class KeptActions
{
    public static (ActionSet? Kept, PropertyOutcome? Failure) Compute(StatementCase statement, CheckContext context, PropertyKind property)
    {
        var candidates = CheckContext.Candidates(context.Catalog, statement.Original);
        var kept = candidates.Where(a => !context.Unused.Contains(a) && statement.Original.Any(p => ActionPattern.Match(p, a))).ToList();
        var keptSet = new ActionSet(kept);
        // Confirm with the encoding: every kept action is in L(P), and no other candidate outside U is.
        var inP = context.AskNarrowed($"kept-in-original {statement.Label}", kept, ["*"], statement.Original);
        var others = candidates.Where(a => !keptSet.Contains(a) && !context.Unused.Contains(a)).ToList();
        var missed = context.AskNarrowed($"kept-complete {statement.Label}", others, statement.Original, []);
        if (inP.Kind == AnswerKind.Unsat && missed.Kind == AnswerKind.Unsat)
        {
            return (keptSet, null);
        }
        var reason = inP.Kind == AnswerKind.Sat || missed.Kind == AnswerKind.Sat
            ? $"the matcher and the SMT encoding disagree on {inP.Witness ?? missed.Witness}"
            : inP.Reason ?? missed.Reason;
        return (null, new PropertyOutcome(property, statement.Label, Verdict.Unknown, 2, Reason: reason));
    }
}
