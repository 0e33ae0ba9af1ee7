using GeneralizationProofs.Patterns;
using GeneralizationProofs.Verification.Solver;
using Xunit;
using Xunit.Abstractions;

namespace GeneralizationProofs.Tests;

/// <summary>
/// The automaton engine on the probes of issue 13, on the encoding's corners (case folding, <c>?</c>, the alphabet),
/// and against Z3 and the core matcher on random queries.
/// </summary>
public class AutomatonSolverTests(ITestOutputHelper output)
{
    private static Answer All(AutomatonSolver solver, string[] include, string[] exclude) =>
        solver.Decide(Query.OverAllStrings("test", include, exclude));

    private static Answer Finite(AutomatonSolver solver, string[] candidates, string[] include, string[] exclude) =>
        solver.Decide(Query.OverCandidates("test", candidates, include, exclude));

    [Fact]
    public void ProbesFromTheIssueAreDecidedCorrectly()
    {
        using var solver = new AutomatonSolver();
        var lower = All(solver, ["s3:l*"], ["s3:List*"]);
        Assert.Equal(AnswerKind.Sat, lower.Kind);
        Assert.Equal("s3:l", lower.Witness);
        Assert.Equal(AnswerKind.Unsat, All(solver, ["S3:ListB*"], ["s3:List*"]).Kind);
        var get = All(solver, ["s3:Get*"], ["s3:Get?*"]);
        Assert.Equal(AnswerKind.Sat, get.Kind);
        Assert.Equal("s3:get", get.Witness);
        Assert.Equal("automata (Fare 2.2.1)", solver.SolverVersion);
    }

    [Fact]
    public void CaseFoldingIsAsciiOnly()
    {
        using var solver = new AutomatonSolver();
        Assert.Equal(AnswerKind.Sat, Finite(solver, ["S3:GETOBJECT"], ["s3:GetObject"], []).Kind);
        Assert.Equal(AnswerKind.Unsat, All(solver, ["s3:getobject*"], ["S3:GETOBJECT*"]).Kind);
        Assert.Equal(AnswerKind.Unsat, All(solver, ["SNS:Publish"], ["sns:publish"]).Kind);
        // Latin-1 letters do not fold: é and É are different characters for the matcher and for every engine.
        Assert.Equal(AnswerKind.Unsat, Finite(solver, ["é"], ["É"], []).Kind);
        Assert.Equal("é", All(solver, ["é*"], ["É*"]).Witness);
    }

    [Fact]
    public void QuestionMarkIsExactlyOneCharacterOfTheAlphabet()
    {
        using var solver = new AutomatonSolver();
        Assert.Equal(AnswerKind.Unsat, Finite(solver, ["s3:Get", "s3:GetXY"], ["s3:Get?"], []).Kind);
        Assert.Equal("s3:GetX", Finite(solver, ["s3:Get", "s3:GetX"], ["s3:Get?"], []).Witness);
        Assert.Equal("s3:aa", All(solver, ["s3:?*"], ["s3:?"]).Witness);
        Assert.Equal(AnswerKind.Unsat, All(solver, ["??"], ["*"]).Kind);
        foreach (var c in "\t\n\r \u007f\u00a0ÿ")
        {
            Assert.Equal(AnswerKind.Sat, Finite(solver, [c.ToString()], ["?"], []).Kind);
        }
        // ? minus one literal pattern per character of the alphabet leaves exactly the two characters that no pattern
        // can spell literally (* and ? are wildcards): so ? ranges over the alphabet and nothing beyond it.
        var literals = PatternEncoding.Alphabet.SelectMany(r => Enumerable.Range(r.From, r.To - r.From + 1))
            .Select(c => ((char)c).ToString()).Where(s => s is not "*" and not "?").ToArray();
        var rest = All(solver, ["?"], literals);
        Assert.Equal(AnswerKind.Sat, rest.Kind);
        Assert.Contains(rest.Witness, new[] { "*", "?" });
    }

    [Fact]
    public void FiniteDomainsAnswerWithACandidateAndNeverAWiderString()
    {
        using var solver = new AutomatonSolver();
        string[] catalog = ["s3:GetObject", "s3:GetObjectAcl", "s3:ListBucket", "ec2:DescribeVolumes"];
        Assert.Equal("s3:GetObjectAcl", Finite(solver, catalog, ["s3:Get*"], ["s3:GetObject"]).Witness);
        Assert.Equal(AnswerKind.Unsat, Finite(solver, catalog, ["s3:Get*"], ["*Object", "*Acl"]).Kind);
        Assert.Equal(AnswerKind.Unsat, Finite(solver, [], ["*"], []).Kind);
        Assert.Equal(AnswerKind.Unsat, Finite(solver, catalog, [], []).Kind);
        Assert.Equal("ec2:DescribeVolumes", Finite(solver, catalog, ["ec2:DescribeVolume*"], []).Witness);
        Assert.Equal(AnswerKind.Unsat, All(solver, [], ["*"]).Kind);
    }

    [Fact]
    public void CandidateOutsideTheAlphabetIsUnknownNotAnAnswer()
    {
        using var solver = new AutomatonSolver();
        var answer = Finite(solver, ["s3:Get\u0100"], ["*"], []);
        Assert.Equal(AnswerKind.Unknown, answer.Kind);
        Assert.Contains("U+0100", answer.Reason);
    }

    [Fact]
    public void PatternAutomataAreBuiltOncePerPattern()
    {
        using var solver = new AutomatonSolver();
        for (var i = 0; i < 3; i++)
        {
            All(solver, ["s3:Get*", "s3:List*"], ["s3:GetObject*"]);
            Finite(solver, ["s3:GetObject"], ["s3:Get*"], []);
        }
        Assert.Equal(3, solver.CachedPatterns);
    }

    private const string Letters = "aAbB3:-é\tÿ*?";

    private static string RandomText(Random random, int max, bool wildcards)
    {
        var chars = Enumerable.Range(0, random.Next(0, max + 1)).Select(_ =>
        {
            char c;
            do
            {
                c = Letters[random.Next(Letters.Length)];
            }
            while (!wildcards && c is '*' or '?');
            return c;
        });
        return new string(chars.ToArray());
    }

    /// <summary>A string the pattern matches: each * filled with 0–2 characters, each ? with one, letters in either case.</summary>
    private static string Instantiate(string pattern, Random random) => string.Concat(pattern.Select(c => c switch
    {
        '*' => RandomText(random, 2, wildcards: false),
        '?' => RandomText(random, 1, wildcards: false).PadRight(1, 'x'),
        >= 'a' and <= 'z' when random.Next(2) == 0 => char.ToUpperInvariant(c).ToString(),
        _ => c.ToString(),
    }));

    /// <summary>
    /// The matcher's answer. Over candidates it is exact. Over all strings it is one-sided: it looks for a witness among
    /// instances of the include patterns and every string of length ≤ 3 over the letters (plus a letter that no pattern
    /// holds); when it finds one, Unsat from an engine is wrong.
    /// </summary>
    private static string? MatcherWitness(Query query, Random random)
    {
        bool Member(string s) => query.Include.Any(p => ActionPattern.Match(p, s)) && !query.Exclude.Any(p => ActionPattern.Match(p, s));
        if (query.Candidates is { } candidates)
        {
            return candidates.FirstOrDefault(Member);
        }
        var letters = Letters.Where(c => c is not '*' and not '?').Append('x').Select(c => c.ToString()).ToList();
        IEnumerable<string> strings = [""];
        var all = new List<string> { "" };
        for (var length = 1; length <= 3; length++)
        {
            strings = strings.SelectMany(s => letters.Select(c => s + c)).ToList();
            all.AddRange(strings);
        }
        all.AddRange(query.Include.SelectMany(p => Enumerable.Range(0, 20).Select(_ => Instantiate(p, random))));
        return all.FirstOrDefault(Member);
    }

    private static void CheckWitness(Query query, string engine, Answer answer, List<string> problems)
    {
        var w = answer.Witness!;
        if ((query.Candidates is { } c && !c.Contains(w)) || !query.Include.Any(p => ActionPattern.Match(p, w))
            || query.Exclude.Any(p => ActionPattern.Match(p, w)))
        {
            problems.Add($"{engine} witness \"{w}\" rejected by the matcher for {Describe(query)}");
        }
    }

    private static string Describe(Query q) =>
        $"[{string.Join(", ", q.Include)}] minus [{string.Join(", ", q.Exclude)}]"
        + (q.Candidates is { } c ? $" over {{{string.Join(", ", c.Select(s => $"\"{s}\""))}}}" : " over all strings");

    /// <summary>
    /// Differential test: on seeded random queries (half over candidates, half over all strings) the automaton engine,
    /// Z3 and the core matcher agree on Sat/Unsat, every witness of either engine passes the matcher, and every
    /// automaton witness is a string over the alphabet.
    /// </summary>
    [Fact]
    public void AutomataZ3AndTheMatcherAgreeOnRandomQueries()
    {
        var random = new Random(20261313);
        using var automata = new AutomatonSolver();
        using var z3 = new Z3Session();
        var problems = new List<string>();
        var z3Outside = new List<string>();
        int sat = 0, unsat = 0;
        for (var i = 0; i < 400; i++)
        {
            var include = Enumerable.Range(0, random.Next(1, 4)).Select(_ => RandomText(random, 5, wildcards: true)).ToArray();
            var exclude = Enumerable.Range(0, random.Next(0, 4)).Select(_ => random.Next(3) == 0
                ? include[random.Next(include.Length)] + RandomText(random, 2, wildcards: true)
                : RandomText(random, 4, wildcards: true)).ToArray();
            var query = i % 2 == 0
                ? Query.OverCandidates($"q{i}", Enumerable.Range(0, random.Next(0, 6))
                    .Select(_ => random.Next(2) == 0
                        ? RandomText(random, 6, false)
                        : Instantiate(include[random.Next(include.Length)], random))
                    .ToArray(), include, exclude)
                : Query.OverAllStrings($"q{i}", include, exclude);
            var a = automata.Decide(query);
            var z = z3.Decide(query);
            var matcher = MatcherWitness(query, random);
            if (a.Kind == AnswerKind.Unknown || z.Kind == AnswerKind.Unknown || a.Kind != z.Kind)
            {
                problems.Add($"{Describe(query)}: automata {a.Kind} {a.Witness}{a.Reason}, Z3 {z.Kind} {z.Witness}{z.Reason}");
                continue;
            }
            var matcherDecides = matcher is not null || query.Candidates is not null;
            if (matcherDecides && (matcher is not null) != (a.Kind == AnswerKind.Sat))
            {
                problems.Add($"{Describe(query)}: both engines {a.Kind}, the matcher found {matcher ?? "nothing"}");
            }
            if (a.Kind == AnswerKind.Sat)
            {
                sat++;
                CheckWitness(query, "automata", a, problems);
                // Z3Session's re.allchar still ranges over Z3 4.8.12's whole alphabet (up to U+2FFFF), not over
                // PatternEncoding.Alphabet, so its witness for ? can be a character the matcher reads as two. Until the
                // Z3 side is aligned (another branch) such witnesses are listed, not failed; the verdicts must still agree.
                if (z.Witness!.All(PatternEncoding.InAlphabet))
                {
                    CheckWitness(query, "Z3", z, problems);
                }
                else
                {
                    z3Outside.Add($"\"{z.Witness}\" for {Describe(query)}");
                }
                if (!a.Witness!.All(PatternEncoding.InAlphabet))
                {
                    problems.Add($"automata witness \"{a.Witness}\" is outside the alphabet");
                }
            }
            else
            {
                unsat++;
            }
        }
        output.WriteLine($"{sat} sat, {unsat} unsat; Z3 witnesses outside the alphabet: {z3Outside.Count}");
        z3Outside.ForEach(output.WriteLine);
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(20)));
        Assert.True(sat > 100 && unsat > 100, $"{sat} sat, {unsat} unsat: the generator is too one-sided");
    }
}
