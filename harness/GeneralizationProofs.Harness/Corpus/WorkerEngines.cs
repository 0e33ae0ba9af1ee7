using GeneralizationProofs.Verification.Solver;

namespace GeneralizationProofs.Harness.Corpus;

/// <summary>
/// One corpus worker's engines, shared by the policies it proves one after another and replaced every
/// <see cref="PoliciesPerSession"/> policies, so that what a session caches stays bounded. Not thread-safe: one per worker.
/// </summary>
internal sealed class WorkerEngines(Func<IQuerySolver> create) : IDisposable
{
    public const int PoliciesPerSession = 50;

    private IQuerySolver? _solver;
    private int _used;

    /// <summary>The engines for the next policy: the current ones, or fresh ones when these have served their share.</summary>
    public IQuerySolver Next()
    {
        if (_solver is null || _used >= PoliciesPerSession)
        {
            _solver?.Dispose();
            _solver = create();
            _used = 0;
        }
        _used++;
        return _solver;
    }

    public void Dispose() => _solver?.Dispose();
}
