using System.Diagnostics;
using GeneralizationProofs.Patterns;
using GeneralizationProofs.Verification.Solver;
using Xunit;

namespace GeneralizationProofs.Tests;

/// <summary>
/// Spec §2's alphabet, decided: "all strings" are the strings over the characters policy text may hold (tab, LF, CR,
/// U+0020–U+00FF), and <c>?</c> is exactly one of them, for the matcher, the encoding, the witnesses and the export.
/// </summary>
public class VerdictAlphabetTests
{
    [Theory]
    [InlineData("s3:Get?", "s3:Get\u0100", false)] // one character, but not one policy text may hold
    [InlineData("s3:Get*", "s3:Get\u0100", false)]
    [InlineData("s3:Get?", "s3:Get\u00FF", true)]
    [InlineData("s3:Get?", "s3:Get\t", true)]
    [InlineData("s3:Get?", "s3:Get\u0000", false)]
    [InlineData("?", "\uD83D\uDE00", false)] // one code point, two UTF-16 units: neither is in the alphabet
    public void TheMatcherAndTheEncodingAgreeOnTheAlphabet(string pattern, string text, bool member)
    {
        Assert.Equal(member, ActionPattern.Match(pattern, text));
        using var session = new Z3Session();
        var answer = session.Decide(Query.OverCandidates("alphabet", [text], [pattern], []));
        Assert.Equal(member ? AnswerKind.Sat : AnswerKind.Unsat, answer.Kind);
    }

    /// <summary>
    /// Every single character of the alphabet but <c>*</c> and <c>?</c> (which no pattern can name literally) is
    /// excluded, so a witness of <c>?</c> can only be one of those two — unless the solver's <c>?</c> reaches beyond.
    /// </summary>
    private static readonly Query EveryOtherCharacter = Query.OverAllStrings("alphabet", ["?"],
        Enumerable.Range(0, 0x100).Select(c => (char)c).Where(ActionPattern.InAlphabet).Where(c => c is not ('*' or '?'))
            .Select(c => c.ToString()).ToList());

    [Fact]
    public void AWitnessOfQuestionMarkIsNeverOutsideTheAlphabet()
    {
        using var session = new Z3Session();
        var answer = session.Decide(EveryOtherCharacter);
        Assert.Equal(AnswerKind.Sat, answer.Kind);
        Assert.Contains(answer.Witness, new[] { "*", "?" });
    }

    [Fact]
    public void AllStringsMeansStringsOverTheAlphabet()
    {
        // s3:* minus s3:Get* has witnesses; every one the solver gives is over the alphabet, for any pattern shape.
        using var session = new Z3Session();
        foreach (var (include, exclude) in new[] { ("s3:*", "s3:Get*"), ("*", "s3:*"), ("s3:Get?*", "s3:Get"), ("*?*", "") })
        {
            var answer = session.Decide(Query.OverAllStrings("alphabet", [include], exclude.Length == 0 ? [] : [exclude]));
            Assert.Equal(AnswerKind.Sat, answer.Kind);
            Assert.Equal(-1, ActionPattern.IndexOutsideAlphabet(answer.Witness!));
        }
    }

    [Fact]
    public void TheExportStatesTheAlphabet()
    {
        var text = SmtLibWriter.Write(Query.OverAllStrings("alphabet", ["s3:Get?*"], ["s3:GetObject"]));
        Assert.Contains("(define-fun alphabet () RegLan (re.union (re.range \"\\u{9}\" \"\\u{a}\") (re.range \"\\u{d}\" \"\\u{d}\") "
            + "(re.range \" \" \"\\u{ff}\")))", text);
        Assert.Contains("(re.* alphabet)", text);
        Assert.DoesNotContain("re.allchar", text);
    }

    [SkippableTheory]
    [InlineData("z3", "")]
    [InlineData("cvc5", "--strings-exp --lang smt2")]
    public void ExternalSolversReadTheAlphabetAsZ3InProcessDoes(string binary, string flags)
    {
        var path = Path.Combine("/usr/bin", binary);
        Skip.IfNot(File.Exists(path) || Environment.GetEnvironmentVariable("CI") is { Length: > 0 }, $"{binary} not installed");
        Query[] queries =
        [
            Query.OverCandidates("non-member", ["s3:Get\u0100"], ["s3:Get?"], []),
            Query.OverCandidates("member", ["s3:Get\u00FF"], ["s3:Get?"], []),
            Query.OverAllStrings("escape", ["s3:Get?"], ["s3:Get*"]),
            EveryOtherCharacter,
        ];
        using var session = new Z3Session();
        var file = Path.Combine(Directory.CreateTempSubdirectory("genproof-alphabet-").FullName, "q.smt2");
        foreach (var query in queries)
        {
            File.WriteAllText(file, SmtLibWriter.Write(query));
            var info = new ProcessStartInfo(path, $"{flags} {file}".Trim()) { RedirectStandardOutput = true, RedirectStandardError = true };
            using var process = Process.Start(info)!;
            var output = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit(60_000);
            Assert.Equal(session.Decide(query).Kind == AnswerKind.Sat ? "sat" : "unsat", output);
        }
        Directory.Delete(Path.GetDirectoryName(file)!, true);
    }
}
