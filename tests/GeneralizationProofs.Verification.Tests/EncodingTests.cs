using GeneralizationProofs.Patterns;
using GeneralizationProofs.Verification.Solver;
using Xunit;

namespace GeneralizationProofs.Tests;

/// <summary>The SMT encoding agrees with the core matcher, including case folding, non-ASCII and punctuation.</summary>
public class EncodingTests
{
    private const string Alphabet = "aAbBsS3:*?-_.éÉ\\\"ÿ\t z";

    private static string RandomText(Random random, int max, bool wildcards)
    {
        var length = random.Next(0, max + 1);
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            char c;
            do
            {
                c = Alphabet[random.Next(Alphabet.Length)];
            }
            while (!wildcards && c is '*' or '?');
            chars[i] = c;
        }
        return new string(chars);
    }

    [Fact]
    public void GroundMembershipAgreesWithTheMatcherOnGeneratedPairs()
    {
        var random = new Random(20261123);
        using var session = new Z3Session();
        var disagreements = new List<string>();
        var positives = 0;
        for (var i = 0; i < 3000; i++)
        {
            var pattern = RandomText(random, 6, wildcards: true);
            // Half the strings are built from the pattern, so that many pairs match.
            var text = random.Next(2) == 0 ? RandomText(random, 7, wildcards: false) : Instantiate(pattern, random);
            var expected = ActionPattern.Match(pattern, text);
            positives += expected ? 1 : 0;
            var answer = session.Decide(Query.OverCandidates("agree", [text], [pattern], []));
            Assert.NotEqual(AnswerKind.Unknown, answer.Kind);
            if ((answer.Kind == AnswerKind.Sat) != expected)
            {
                disagreements.Add($"{pattern} vs \"{text}\": matcher {expected}, Z3 {answer.Kind}");
            }
        }
        Assert.Empty(disagreements);
        Assert.True(positives > 800, $"only {positives} matching pairs: the generator is too weak");
    }

    private static string Instantiate(string pattern, Random random)
    {
        var sb = new System.Text.StringBuilder();
        foreach (var c in pattern)
        {
            sb.Append(c switch
            {
                '*' => RandomText(random, 2, wildcards: false),
                '?' => RandomText(random, 1, wildcards: false).PadRight(1, 'x'),
                >= 'a' and <= 'z' when random.Next(2) == 0 => char.ToUpperInvariant(c),
                _ => c,
            });
        }
        return sb.ToString();
    }

    [Fact]
    public void SolverWitnessesRoundTripNonAsciiAndEscapes()
    {
        using var session = new Z3Session();
        foreach (var pattern in new[] { "é\\\"*", "ÿ?x", "\t*" })
        {
            var answer = session.Decide(Query.OverAllStrings("witness", [pattern], []));
            Assert.Equal(AnswerKind.Sat, answer.Kind);
            Assert.True(ActionPattern.Match(pattern, answer.Witness!), $"witness \"{answer.Witness}\" is not in {pattern}");
        }
    }

    /// <summary>
    /// The session answers all-strings queries incrementally (push/pop). Z3 4.8.12 once answered unsat to a satisfiable
    /// query after a reset, so here a long mixed sequence is compared with fresh sessions and with the matcher.
    /// </summary>
    [Fact]
    public void IncrementalAnswersEqualFreshSessionAnswers()
    {
        var random = new Random(7);
        using var session = new Z3Session();
        for (var i = 0; i < 120; i++)
        {
            var include = RandomText(random, 5, wildcards: true) + "*";
            var exclude = random.Next(2) == 0 ? include[..Math.Max(0, include.Length - 2)] + "*" : RandomText(random, 4, wildcards: true);
            var query = Query.OverAllStrings("mixed", [include], [exclude]);
            var incremental = session.Decide(query);
            using var fresh = new Z3Session();
            var expected = fresh.Decide(query);
            Assert.Equal(expected.Kind, incremental.Kind);
            if (incremental.Kind == AnswerKind.Sat)
            {
                Assert.True(ActionPattern.Match(include, incremental.Witness!) && !ActionPattern.Match(exclude, incremental.Witness!),
                    $"witness \"{incremental.Witness}\" for {include} minus {exclude}");
            }
        }
    }

    [Fact]
    public void SolverVersionIsReported()
    {
        using var session = new Z3Session();
        Assert.StartsWith("Z3 4.", session.SolverVersion);
    }
}

public class SolverLimitTests
{
    /// <summary>A tiny resource limit makes an all-strings query Unknown (with Z3's reason), never Unsat.</summary>
    [Fact]
    public void ExceedingTheResourceLimitIsUnknownNotProved()
    {
        using var limited = new Z3Session(timeoutMs: 10_000, resourceLimit: 1);
        var answer = limited.Decide(Query.OverAllStrings("limited", ["s3:Get*Object*Acl*"], ["s3:Get*", "*Acl?"]));
        Assert.Equal(AnswerKind.Unknown, answer.Kind);
        Assert.False(string.IsNullOrEmpty(answer.Reason));
    }
}
