using Microsoft.Z3;

namespace GeneralizationProofs.Verification.Solver;

/// <summary>
/// The one place that touches Z3. It uses the low-level API of Microsoft.Z3 (<see cref="Native"/>) over the
/// system's libz3 (Debian 12: 4.8.12, <c>libz3.so.4</c>): the package ships no Linux library, and its high-level
/// <c>Context</c> needs a newer libz3 and frees terms from finalizer threads (spec §5).
/// <para>Two ways to answer a <see cref="Query"/>:</para>
/// <list type="bullet">
/// <item>finite candidates: memberships <c>(str.in_re "c" R)</c>, ground terms that Z3's rewriter decides by regex
/// derivatives; anything other than true/false is Unknown (see <c>Z3Session.Membership.cs</c> for which R are asked);</item>
/// <item>all strings (over the alphabet Σ, see <see cref="PatternEncoding"/>): a solver check of <c>x ∈ R ∩ Σ*</c>
/// with R one regex (<c>re.inter</c>/<c>re.comp</c>; 4.8.12 has a
/// performance cliff on <c>x ∈ R1 ∧ x ∉ R2</c>, z3 issue 5648), under push/pop with a fresh variable per query and
/// a fresh solver every <see cref="QueriesPerSolver"/> queries. We never call <c>solver_reset</c>: in 4.8.12 we saw a
/// reset solver answer unsat to a satisfiable query.</item>
/// </list>
/// Not thread-safe: one session per thread.
/// </summary>
public sealed partial class Z3Session : IQuerySolver
{
    private const int QueriesPerSolver = 200;

    private readonly IntPtr _ctx;
    private readonly Native.Z3_error_handler _onError;
    private readonly IntPtr _stringSort;
    private readonly IntPtr _regexSort;
    private readonly IntPtr _anyChar;
    private readonly IntPtr _anyString;
    private readonly IntPtr _allStrings;
    private readonly List<IntPtr> _owned = [];
    private readonly List<IntPtr> _scratch = [];
    private readonly uint _timeoutMs;
    private readonly uint _resourceLimit;
    private IntPtr _solver;
    private int _queriesOnSolver;
    private int _variables;
    private string? _lastError;
    private bool _disposed;

    /// <param name="timeoutMs">per all-strings query, in milliseconds.</param>
    /// <param name="resourceLimit">Z3's deterministic <c>rlimit</c> per query (0: none); exceeding it answers Unknown.</param>
    /// <param name="cancel">interrupts a running query (Z3_interrupt) and makes every later one throw.</param>
    public Z3Session(uint timeoutMs = 10_000, uint resourceLimit = 0, CancellationToken cancel = default)
    {
        LoadLibrary();
        _timeoutMs = timeoutMs;
        _resourceLimit = resourceLimit;
        var config = Native.Z3_mk_config();
        _ctx = Native.Z3_mk_context_rc(config);
        Native.Z3_del_config(config);
        // Z3's default error handler exits the process; this one records the error, and Native's wrappers throw.
        _onError = (_, code) => _lastError = $"Z3 error {code}";
        Native.Z3_set_error_handler(_ctx, _onError);
        _stringSort = Keep(Native.Z3_mk_string_sort(_ctx));
        _regexSort = Keep(Native.Z3_mk_re_sort(_ctx, _stringSort));
        _anyChar = Keep(Alphabet());
        _anyString = Keep(Native.Z3_mk_re_full(_ctx, _regexSort));
        _allStrings = Keep(Native.Z3_mk_re_star(_ctx, _anyChar));
        SolverVersion = "Z3 " + Native.Z3_get_full_version();
        _cancel = cancel;
        _interrupt = cancel.Register(Interrupt);
    }

    public string SolverVersion { get; }

    public Answer Decide(Query query)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _cancel.ThrowIfCancellationRequested();
        try
        {
            // The domain is over the alphabet (PatternEncoding): R ∩ Σ* for all strings, the candidates in Σ* otherwise.
            return query.Candidates is { } candidates
                ? DecideCandidates(query with { Candidates = PatternEncoding.InAlphabet(candidates) })
                : DecideAllStrings(Regex(query.Include, query.Exclude, [_allStrings]));
        }
        catch (Z3Exception e) when (!_cancel.IsCancellationRequested)
        {
            return Answer.Unknown($"solver error: {e.Message} {_lastError}");
        }
        catch (Z3Exception e)
        {
            // Z3_interrupt makes the call under way (a rewrite, a model read) fail with "canceled": that is the
            // cancellation, not a solver error, and must reach the verb as one (it escaped as an unhandled exception).
            throw new OperationCanceledException($"the query was interrupted: {e.Message}", e, _cancel);
        }
        finally
        {
            ReleaseScratch();
        }
    }

    private void ReleaseScratch()
    {
        foreach (var ast in _scratch)
        {
            Native.Z3_dec_ref(_ctx, ast);
        }
        _scratch.Clear();
    }

    private Answer DecideAllStrings(IntPtr regex)
    {
        if (_solver == IntPtr.Zero || _queriesOnSolver >= QueriesPerSolver)
        {
            NewSolver();
        }
        _queriesOnSolver++;
        var name = Native.Z3_mk_string_symbol(_ctx, $"x{_variables++}");
        var x = Native.Z3_mk_const(_ctx, name, _stringSort);
        Native.Z3_inc_ref(_ctx, x);
        var member = Native.Z3_mk_seq_in_re(_ctx, x, regex);
        Native.Z3_inc_ref(_ctx, member);
        Native.Z3_solver_push(_ctx, _solver);
        try
        {
            Native.Z3_solver_assert(_ctx, _solver, member);
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var result = Native.Z3_solver_check(_ctx, _solver);
            switch (result)
            {
                case -1:
                    return Answer.Unsat;
                case 1:
                    return Z3Strings.Witness(_ctx, _solver, x);
                default:
                    return Answer.Unknown(UnknownReason(Native.Z3_solver_get_reason_unknown(_ctx, _solver), watch.Elapsed));
            }
        }
        finally
        {
            Native.Z3_solver_pop(_ctx, _solver, 1);
            Native.Z3_dec_ref(_ctx, member);
            Native.Z3_dec_ref(_ctx, x);
        }
    }

    /// <summary>Σ, the alphabet (see <see cref="PatternEncoding"/>): a union of character ranges.</summary>
    private IntPtr Alphabet()
    {
        var ranges = PatternEncoding.AlphabetRanges
            .Select(r => Keep(Native.Z3_mk_re_range(_ctx, Str(r.Low.ToString()), Str(r.High.ToString())))).ToArray();
        return Native.Z3_mk_re_union(_ctx, (uint)ranges.Length, ranges);
    }

    private void NewSolver()
    {
        if (_solver != IntPtr.Zero)
        {
            Native.Z3_solver_dec_ref(_ctx, _solver);
        }
        _solver = Native.Z3_mk_simple_solver(_ctx);
        Native.Z3_solver_inc_ref(_ctx, _solver);
        var parameters = Native.Z3_mk_params(_ctx);
        Native.Z3_params_inc_ref(_ctx, parameters);
        Native.Z3_params_set_uint(_ctx, parameters, Native.Z3_mk_string_symbol(_ctx, "timeout"), _timeoutMs);
        if (_resourceLimit > 0)
        {
            Native.Z3_params_set_uint(_ctx, parameters, Native.Z3_mk_string_symbol(_ctx, "rlimit"), _resourceLimit);
        }
        // Z3 installs its own SIGINT handler around every check (ctrl_c, on by default) and puts the previous one back
        // after it, unlocked between threads: with two workers a Ctrl-C could land in a stale handler (exit 139) or be
        // lost. Cancellation is ours (Z3_interrupt from the signal handler of the CLI), so Z3 keeps its hands off SIGINT.
        Native.Z3_params_set_bool(_ctx, parameters, Native.Z3_mk_string_symbol(_ctx, "ctrl_c"), 0);
        Native.Z3_solver_set_params(_ctx, _solver, parameters);
        Native.Z3_params_dec_ref(_ctx, parameters);
        _queriesOnSolver = 0;
    }

    /// <summary>
    /// ∪Include ∩ ¬(∪Exclude) ∩ domain, as one regex term, in the order <see cref="SmtLibWriter"/> writes it (cvc5 1.0.3
    /// took over 100 s on one exported query with Σ* first, 0.5 s with it last).
    /// </summary>
    private IntPtr Regex(IReadOnlyList<string> include, IReadOnlyList<string> exclude, IntPtr[] domain)
    {
        IntPtr[] parts = exclude.Count == 0
            ? [Union(include, Shape.Solver), .. domain]
            : [Union(include, Shape.Solver), Scratch(Native.Z3_mk_re_complement(_ctx, Union(exclude, Shape.Solver))), .. domain];
        return parts.Length == 1 ? parts[0] : Scratch(Native.Z3_mk_re_intersect(_ctx, (uint)parts.Length, parts));
    }

    /// <summary>A string constant held for the session (see <see cref="Z3Strings"/> for how it goes in).</summary>
    private IntPtr Str(string s) => Keep(Z3Strings.Make(_ctx, s));

    /// <summary>Holds a reference for the session's lifetime: pattern regexes, cached and shared across queries.</summary>
    private IntPtr Keep(IntPtr ast)
    {
        Native.Z3_inc_ref(_ctx, ast);
        _owned.Add(ast);
        return ast;
    }

    /// <summary>Holds a reference until the current query is answered.</summary>
    private IntPtr Scratch(IntPtr ast)
    {
        Native.Z3_inc_ref(_ctx, ast);
        _scratch.Add(ast);
        return ast;
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        // Waits for an interrupt already running on another thread, so it never touches a deleted context.
        _interrupt.Dispose();
        if (_solver != IntPtr.Zero)
        {
            Native.Z3_solver_dec_ref(_ctx, _solver);
        }
        foreach (var ast in _owned)
        {
            Native.Z3_dec_ref(_ctx, ast);
        }
        Native.Z3_del_context(_ctx);
        GC.KeepAlive(_onError);
    }
}
