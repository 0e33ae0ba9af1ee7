using GeneralizationProofs.Patterns;
using GeneralizationProofs.Verification.Solver;

namespace GeneralizationProofs.Verification.Checks;

/// <summary>
/// Every string an engine answers with is checked by the core matcher before any check sees it (spec §2: "every
/// counterexample printed is checked by the core matcher first"). A Sat witness must lie in the query's domain (one of
/// its candidates, or a string over the alphabet), in some Include pattern and in no Exclude pattern. One that does not
/// is an engine error — a misread model, an encoding bug — and becomes Unknown, never a refutation: a formal tool that
/// prints a bogus counterexample once is not trusted again. <see cref="CheckContext.Ask"/> is the one place that calls
/// this, so every check, and any future engine behind <see cref="IQuerySolver"/>, gets it.
/// </summary>
public static class WitnessReplay
{
    public static Answer Check(Query query, Answer answer)
    {
        if (answer.Kind != AnswerKind.Sat)
        {
            return answer;
        }
        if (answer.Witness is not { } witness)
        {
            return Answer.Unknown($"engine error: sat without a witness ({query.Name})");
        }
        var problem = Problem(query, witness);
        return problem is null
            ? answer
            : Answer.Unknown($"engine error: witness \"{Show(witness)}\" does not check out: {problem} ({query.Name})");
    }

    private static string? Problem(Query query, string witness)
    {
        if (query.Candidates is { } candidates && !candidates.Contains(witness, StringComparer.Ordinal))
        {
            return "it is not one of the query's candidates";
        }
        if (ActionPattern.IndexOutsideAlphabet(witness) is var at and >= 0)
        {
            return $"it holds U+{(int)witness[at]:X4}, outside the alphabet";
        }
        if (!query.Include.Any(p => ActionPattern.Match(p, witness)))
        {
            return "the matcher finds it in no Include pattern";
        }
        return query.Exclude.FirstOrDefault(p => ActionPattern.Match(p, witness)) is { } excluded
            ? $"the matcher finds it in Exclude pattern {excluded}"
            : null;
    }

    /// <summary>The witness as printable text: characters outside printable ASCII as <c>\u{hex}</c>, a backslash doubled.</summary>
    public static string Show(string witness) =>
        string.Concat(witness.Select(c => c switch
        {
            '\\' => "\\\\",
            >= ' ' and <= '~' => c.ToString(),
            _ => $"\\u{{{(int)c:x}}}",
        }));
}
