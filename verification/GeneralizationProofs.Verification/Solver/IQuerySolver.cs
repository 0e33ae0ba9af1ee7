namespace GeneralizationProofs.Verification.Solver;

public interface IQuerySolver : IDisposable
{
    string SolverVersion { get; }
    Answer Decide(Query query);

    /// <summary>
    /// Each query's answer, exactly as <see cref="Decide"/> would give it one by one; an engine may answer them together
    /// (<see cref="Z3Session"/> asks the rewriter once for a whole batch of finite queries).
    /// </summary>
    IReadOnlyList<Answer> DecideAll(IReadOnlyList<Query> queries) => queries.Select(Decide).ToList();
}
