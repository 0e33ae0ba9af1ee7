namespace GeneralizationProofs.Verification.Solver;

public interface IQuerySolver : IDisposable
{
    string SolverVersion { get; }
    Answer Decide(Query query);
}
