using GeneralizationProofs.Patterns;
using Microsoft.Z3;

namespace GeneralizationProofs.Verification.Solver;

/// <summary>
/// Finite queries: is some candidate c in ∪Include and in no Exclude pattern? Each side's membership is a ground term
/// <c>(str.in_re "c" R)</c> that Z3's rewriter decides, asked per side against the one pattern that decides it, not
/// as one term <c>∪I ∩ ¬∪X</c>. The rewriter walks c by derivatives: about 0.5 ms for a case-folded action name against
/// one pattern as an n-ary concatenation (4,000 took 4.8 s in the z3 4.8.12 binary, 1.5 s without the case unions),
/// about 0.1 ms against the right-nested shape it is asked in now (<c>Z3Session.Patterns.cs</c>) in calls of the right
/// size, more against a complemented union; a corpus asks tens of thousands: so fewer and smaller terms are what is
/// bought here.
/// <para>Batches: <see cref="DecideAll"/> asks the atoms of many queries in one rewriter call (a check's queries,
/// through <c>CheckContext.AskAll</c>), cut by derivative steps (<see cref="StepsPerBatch"/>), and memberships the
/// rewriter made true are remembered for the session.</para>
/// <para>Per side the core matcher names the pattern it believes holds c, and the rewriter is asked c ∈ L(that one
/// pattern), a small term: true proves c ∈ ∪side, since L(p) ⊆ L(∪side). When the matcher names none, or the rewriter
/// says false for its pick, the rewriter is asked about the whole union, and that answer stands. So every truth value
/// comes from Z3; the matcher only chooses which term to ask first, and a wrong choice costs one more call, never a
/// wrong answer.</para>
/// </summary>
public sealed partial class Z3Session
{
    /// <summary>(candidate, pattern) pairs the rewriter has found members, in a batch it confirmed.</summary>
    private readonly HashSet<(string, string)> _members = [];

    /// <summary>
    /// The matcher that picks which membership to ask first: the core matcher. Its answers are only ever predictions the
    /// rewriter confirms, so a wrong one costs a call and never an answer; tests give a lying one to show exactly that.
    /// </summary>
    internal Func<string, string, bool> Predicts { get; init; } = ActionPattern.Match;

    /// <summary>Atoms per rewriter call: a prediction the rewriter does not confirm sends only its batch one by one.</summary>
    private const int AtomsPerBatch = 4_000;

    /// <summary>
    /// Derivative steps per rewriter call, over the memberships a batch asserts (<see cref="DerivativeSteps"/>). A call's
    /// cost grows faster than its long memberships: 12,000 case-folded catalog actions against their own right-nested
    /// patterns took 1.1 s in calls of 10–25, 1.2 s of 50, 1.8 s of 1,000, 2.7 s of 4,000 and 4.9 s in one call (z3
    /// 4.8.12); one call per atom pays a call's set-up each (1.7 s). Short memberships (prefix globs, the typical policy)
    /// are cheapest in calls of thousands, so the batch is cut by steps, not by atoms: about 50 full action names.
    /// </summary>
    private const int StepsPerBatch = 1_500;

    /// <summary>
    /// The answers of <see cref="Decide"/>, with the finite queries asked together: Z3_simplify costs about a millisecond
    /// however small its term (a rewriter is set up per call), which over a corpus' 450,000 small queries was most of
    /// the proof time. Each finite query's prediction (<see cref="Predict"/>) becomes a few atoms; one conjunction of a
    /// batch's atoms is simplified, and when the rewriter makes it true, every query of the batch has the answer its
    /// prediction says (the rewriter decided each atom). Otherwise, or on any error, the batch's queries are decided
    /// one by one. All-strings queries are always asked one by one.
    /// </summary>
    public IReadOnlyList<Answer> DecideAll(IReadOnlyList<Query> queries)
    {
        var answers = new Answer?[queries.Count];
        var batch = new List<(int Query, Answer Predicted)>();
        var atoms = new List<IntPtr>();
        var members = new List<(string, string)>();
        var steps = 0;
        for (var i = 0; i <= queries.Count; i++)
        {
            if (batch.Count > 0 && (i == queries.Count || atoms.Count >= AtomsPerBatch || steps >= StepsPerBatch))
            {
                if (Confirm(atoms))
                {
                    batch.ForEach(b => answers[b.Query] = b.Predicted);
                    _members.UnionWith(members);
                }
                batch.Clear();
                atoms.Clear();
                members.Clear();
                steps = 0;
            }
            var asserted = members.Count;
            if (i < queries.Count && queries[i].Candidates is not null && Predict(queries[i], atoms, members) is { } predicted)
            {
                batch.Add((i, predicted));
                steps += members.Skip(asserted).Sum(m => DerivativeSteps(m.Item1, m.Item2));
            }
        }
        return queries.Select((q, i) => answers[i] ?? Decide(q)).ToList();
    }

    /// <summary>
    /// About how many derivatives the rewriter takes to find c ∈ L(p) true: up to a prefix glob's <c>*</c> (after it, any
    /// rest is in Σ*), else through the whole candidate.
    /// </summary>
    private static int DerivativeSteps(string candidate, string pattern)
    {
        var parsed = new ActionPattern(pattern);
        return parsed.IsPrefixGlob ? parsed.LiteralPrefix.Length + 1 : candidate.Length;
    }

    /// <summary>Whether the rewriter makes the conjunction of the atoms true (they are released either way).</summary>
    private bool Confirm(List<IntPtr> atoms)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _cancel.ThrowIfCancellationRequested();
        try
        {
            return atoms.Count == 0 || Truth(Conjunction(atoms)) == true;
        }
        catch (Z3Exception) when (!_cancel.IsCancellationRequested)
        {
            return false; // decided one by one, where the error is reported
        }
        catch (Z3Exception e)
        {
            // Z3_interrupt cut the rewrite short: the cancellation, as in Decide (it escaped raw, and genproof exited 1).
            throw new OperationCanceledException($"the batch was interrupted: {e.Message}", e, _cancel);
        }
        finally
        {
            ReleaseScratch();
        }
    }

    /// <summary>
    /// The matcher's prediction of a finite query's answer, with the atoms that make it the rewriter's: each candidate
    /// before the predicted witness is outside ∪Include (¬ c ∈ ∪I) or inside the Exclude pattern the matcher names
    /// (c ∈ x); the witness w is in the Include pattern the matcher names and outside each Exclude pattern, one atom per
    /// pattern (¬ w ∈ x₁ ∧ … is ¬ w ∈ ∪X: the rewriter's derivatives of one union of hundreds of globs cost 0.36 s per
    /// witness on compact's cover of ec2:*, the separate atoms together 0.03 s). Those atoms all true mean exactly that
    /// w is the first candidate in ∪I and in no Exclude pattern: what <see cref="Decide"/> answers.
    /// Null for a query with an empty Include list or a candidate outside Σ (decided one by one).
    /// </summary>
    private Answer? Predict(Query query, List<IntPtr> atoms, List<(string, string)> members)
    {
        var (candidates, include, exclude) = (query.Candidates!, query.Include, query.Exclude);
        if (include.Count == 0 || PatternEncoding.InAlphabet(candidates).Count != candidates.Count)
        {
            return null;
        }
        var includeUnion = IntPtr.Zero;
        foreach (var candidate in candidates)
        {
            var including = include.FirstOrDefault(p => Predicts(p, candidate));
            if (including is null)
            {
                atoms.Add(Scratch(Native.Z3_mk_not(_ctx, InRegex(candidate, UnionOnce(include, ref includeUnion)))));
            }
            else if (exclude.FirstOrDefault(p => Predicts(p, candidate)) is { } excluding)
            {
                MemberAtom(candidate, excluding, atoms, members);
            }
            else
            {
                MemberAtom(candidate, including, atoms, members);
                foreach (var pattern in exclude)
                {
                    atoms.Add(Scratch(Native.Z3_mk_not(_ctx, InRegex(candidate, GroundPattern(pattern)))));
                }
                return Answer.Sat(candidate);
            }
        }
        return Answer.Unsat;
    }

    /// <summary>
    /// One finite query (candidates over Σ): the matcher's prediction (<see cref="Predict"/>), the same one a batch of
    /// <see cref="DecideAll"/> asks, in one rewriter call; confirmed, it is the answer (Z3 decided each atom).
    /// </summary>
    private Answer DecideCandidates(Query query)
    {
        var (candidates, include, exclude) = (query.Candidates!, query.Include, query.Exclude);
        var atoms = new List<IntPtr>();
        var members = new List<(string, string)>();
        if (Predict(query, atoms, members) is { } predicted && Confirm(atoms))
        {
            _members.UnionWith(members);
            return predicted;
        }
        var includeUnion = IntPtr.Zero;
        var excludeUnion = IntPtr.Zero;
        // Not confirmed (or no prediction): candidate by candidate from the start, the first one in ∪Include and in no
        // Exclude pattern, by the rewriter, is the witness, as if each were asked alone.
        foreach (var candidate in candidates)
        {
            var included = Member(candidate, include, ref includeUnion);
            if (included is null)
            {
                return Undecided(candidate);
            }
            if (included == false)
            {
                continue;
            }
            var excluded = exclude.Count == 0 ? false : Member(candidate, exclude, ref excludeUnion);
            if (excluded is null)
            {
                return Undecided(candidate);
            }
            if (excluded == false)
            {
                return Answer.Sat(candidate);
            }
        }
        return Answer.Unsat;
    }

    /// <summary>
    /// The atom c ∈ L(p), unless the rewriter has already made it true in this session: kept actions meet the same
    /// pattern in several properties (in the original for the kept set and no-escalation's literals, in the refined
    /// pattern for complete and non-redundant), and a verbatim entry is the same pattern on both sides.
    /// </summary>
    private void MemberAtom(string candidate, string pattern, List<IntPtr> atoms, List<(string, string)> members)
    {
        if (!_members.Contains((candidate, pattern)))
        {
            atoms.Add(InRegex(candidate, GroundPattern(pattern)));
            members.Add((candidate, pattern));
        }
    }

    private IntPtr UnionOnce(IReadOnlyList<string> patterns, ref IntPtr union)
    {
        if (union == IntPtr.Zero)
        {
            union = Union(patterns, Shape.Ground);
        }
        return union;
    }

    private IntPtr Conjunction(List<IntPtr> atoms) =>
        atoms.Count == 1 ? atoms[0] : Scratch(Native.Z3_mk_and(_ctx, (uint)atoms.Count, atoms.ToArray()));

    private IntPtr InRegex(string candidate, IntPtr regex) =>
        Scratch(Native.Z3_mk_seq_in_re(_ctx, Scratch(Z3Strings.Make(_ctx, candidate)), regex));

    /// <summary>The rewriter's value of a Boolean term: true, false, or null when it is not a constant.</summary>
    private bool? Truth(IntPtr term)
    {
        var value = Native.Z3_simplify(_ctx, term);
        Native.Z3_inc_ref(_ctx, value);
        var truth = Native.Z3_get_bool_value(_ctx, value);
        Native.Z3_dec_ref(_ctx, value);
        return truth switch
        {
            1 => true,
            -1 => false,
            _ => null,
        };
    }

    private Answer Undecided(string candidate)
    {
        _cancel.ThrowIfCancellationRequested();
        return Answer.Unknown($"the rewriter did not decide whether \"{candidate}\" is in the language");
    }

    /// <summary>c ∈ ∪patterns by the rewriter (null: not decided); the union term is built once per query, when first needed.</summary>
    private bool? Member(string candidate, IReadOnlyList<string> patterns, ref IntPtr union)
    {
        if (patterns.Count == 0)
        {
            return false;
        }
        foreach (var pattern in patterns)
        {
            if (Predicts(pattern, candidate))
            {
                if (GroundMember(candidate, GroundPattern(pattern)) == true)
                {
                    return true;
                }
                break; // the rewriter disagrees with the matcher's pick: the union decides
            }
        }
        if (patterns.Count == 1)
        {
            return GroundMember(candidate, GroundPattern(patterns[0]));
        }
        return GroundMember(candidate, UnionOnce(patterns, ref union));
    }

    /// <summary>The rewriter's value of <c>(str.in_re "c" regex)</c>.</summary>
    private bool? GroundMember(string candidate, IntPtr regex) => Truth(InRegex(candidate, regex));
}
