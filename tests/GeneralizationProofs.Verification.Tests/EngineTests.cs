using GeneralizationProofs.Catalog;
using GeneralizationProofs.Generalization;
using GeneralizationProofs.Verification;
using GeneralizationProofs.Verification.Checks;
using GeneralizationProofs.Verification.Solver;
using Xunit;
using static GeneralizationProofs.Tests.TestProofs;

namespace GeneralizationProofs.Tests;

/// <summary>
/// <c>--engine</c>: the factory, and <see cref="BothEngines"/>, where an answer stands only when Z3 and the automata
/// both give it. The disagreement is planted without a fake engine: real automata built over a wrong alphabet
/// (<see cref="AutomatonSolver.OverPrintableAsciiOnly"/>, printable ASCII only) compute a wrong answer for a pattern
/// holding <c>é</c>, which is in Σ: they find no string, Z3 finds one.
/// </summary>
public class EngineTests
{
    [Fact]
    public void TheFactoryBuildsEachEngineAndBothNamesBoth()
    {
        using var z3 = Engines.Create(EngineChoice.Z3);
        using var automata = Engines.Create(EngineChoice.Automata);
        using var both = Engines.Create(EngineChoice.Both);
        Assert.StartsWith("Z3 4.", z3.SolverVersion);
        Assert.Equal("automata (Fare 2.2.1)", automata.SolverVersion);
        Assert.Equal($"{z3.SolverVersion} + automata (Fare 2.2.1)", both.SolverVersion);
        Assert.Equal(EngineChoice.Both, Engines.Parse("Both"));
        Assert.Null(Engines.Parse("cvc5"));
    }

    [Fact]
    public void BothAnswersWhenTheEnginesAgreeWithZ3sWitness()
    {
        using var both = Engines.Create(EngineChoice.Both);
        using var z3 = new Z3Session();
        var escape = Query.OverAllStrings("escape", ["s3:l*"], ["s3:List*"]);
        var answer = both.Decide(escape);
        Assert.Equal(AnswerKind.Sat, answer.Kind);
        Assert.Equal(z3.Decide(escape).Witness, answer.Witness);
        Assert.Equal(["z3", "automata"], answer.Engines!.Select(e => e.Engine));
        Assert.Equal(AnswerKind.Unsat, both.Decide(Query.OverAllStrings("inside", ["S3:ListB*"], ["s3:List*"])).Kind);
        var finite = both.Decide(Query.OverCandidates("sound", ["s3:GetBucketAcl", "s3:GetObject"], ["s3:GetB*"], []));
        Assert.Equal("s3:GetBucketAcl", finite.Witness);
    }

    [Fact]
    public void ADisagreementIsUnknownWithBothAnswersAndTheQueryWritten()
    {
        var dir = Directory.CreateTempSubdirectory("genproof-engines-");
        try
        {
            using var both = new BothEngines(new Z3Session(), AutomatonSolver.OverPrintableAsciiOnly(), dir.FullName);
            var answer = both.Decide(Query.OverAllStrings("latin-1", ["s3:Gét*"], []));
            Assert.Equal(AnswerKind.Unknown, answer.Kind);
            Assert.Contains("engines disagree", answer.Reason);
            // Z3's string is any member of s3:Gét* (its case is Z3's choice); the broken automata find none.
            Assert.Matches("(?i)z3 sat \\(\"s3:gét[^\"]*\"\\), automata unsat", answer.Reason);
            Assert.Equal([AnswerKind.Sat, AnswerKind.Unsat], answer.Engines!.Select(e => e.Answer.Kind));
            var file = Assert.Single(Directory.GetFiles(dir.FullName, "disagreement-*.smt2"));
            Assert.Contains(file, answer.Reason);
            Assert.Contains("(set-info :status unknown)", File.ReadAllText(file));
        }
        finally
        {
            dir.Delete(true);
        }
    }

    [Fact]
    public void ADisagreementIsNeverAVerdict()
    {
        // The refinement escalates: é* grants "é", which s3:* does not. Z3 refutes no-escalation with that string; the
        // broken automata (no é in their alphabet) wrongly prove it; both together: unknown, never proved.
        var catalog = new ActionCatalog(["s3:GetObject", "s3:ListBucket"]);
        var statement = new StatementCase("Statement 0", ["s3:*"], ["s3:*", "é*"]);
        var strategy = Strategies.Find(Strategies.DefaultName)!;
        PropertyOutcome Check(IQuerySolver solver)
        {
            using (solver)
            {
                return NoEscalationCheck.Check(statement, new CheckContext(catalog, ActionSet.None, strategy, solver));
            }
        }
        var z3 = Check(new Z3Session());
        Assert.Equal(Verdict.Refuted, z3.Verdict);
        Assert.Equal(Verdict.Refuted, Check(new AutomatonSolver()).Verdict);
        Assert.Equal(Verdict.Proved, Check(AutomatonSolver.OverPrintableAsciiOnly()).Verdict);
        var dir = Directory.CreateTempSubdirectory("genproof-engines-");
        try
        {
            var both = Check(new BothEngines(new Z3Session(), AutomatonSolver.OverPrintableAsciiOnly(), dir.FullName));
            Assert.Equal(Verdict.Unknown, both.Verdict);
            Assert.Contains("engines disagree", both.Reason);
            Assert.Contains("automata unsat", both.Reason);
        }
        finally
        {
            dir.Delete(true);
        }
    }

    [Fact]
    public void SmtOutWritesTheAgreedStatusAndAManifestLinePerFile()
    {
        var dir = Directory.CreateTempSubdirectory("genproof-manifest-");
        try
        {
            var catalog = new ActionCatalog(["s3:GetObject", "s3:GetObjectAcl", "s3:GetBucketAcl", "s3:ListBucket"]);
            using var solver = Engines.Create(EngineChoice.Both);
            var report = RefineAndProve.Run(Strategies.Find(Strategies.DefaultName)!, PolicyWith("s3:Get*", "s3:List*"), catalog,
                new ActionSet(["s3:GetBucketAcl"]), solver, new ProofScope(PropertyKind.All, PropertyKind.All), dir.FullName).Report;
            Assert.Contains("+ automata", report.Solver);
            var lines = File.ReadAllLines(Path.Combine(dir.FullName, SmtExport.ManifestFile));
            Assert.Equal(SmtExport.Header, lines[0]);
            var files = Directory.GetFiles(dir.FullName, "*.smt2");
            Assert.Equal(files.Length, lines.Length - 1);
            foreach (var fields in lines.Skip(1).Select(l => l.Split('\t')))
            {
                Assert.Equal(7, fields.Length);
                Assert.Matches("^z3=(sat|unsat) automata=(sat|unsat)$", fields[4]);
                Assert.Contains($"(set-info :status {fields[5]})", File.ReadAllText(Path.Combine(dir.FullName, fields[0])));
                Assert.NotEmpty(fields[6]);
            }
            Assert.Contains(lines, l => l.Split('\t')[2] == "sound" && l.Split('\t')[3] == "Statement 0");
        }
        finally
        {
            dir.Delete(true);
        }
    }
}
