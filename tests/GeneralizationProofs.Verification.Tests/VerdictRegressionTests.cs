using System.Text.Json.Nodes;
using GeneralizationProofs.Catalog;
using GeneralizationProofs.Generalization;
using GeneralizationProofs.Harness.Reports;
using GeneralizationProofs.Patterns;
using GeneralizationProofs.Policy;
using GeneralizationProofs.Verification;
using GeneralizationProofs.Verification.Checks;
using GeneralizationProofs.Verification.Solver;
using Xunit;
using static GeneralizationProofs.Tests.TestProofs;

namespace GeneralizationProofs.Tests;

/// <summary>
/// Issue 12, items 1–5 and 8, with the issue's own inputs: "Proved" must mean proved. Each verifies a hand-made
/// refinement (not a strategy's output) with the real Z3, so a tampered output is judged as the verifier sees it.
/// </summary>
public class VerdictRegressionTests
{
    // The issue's catalog: s3:* refined with PutObject unused; s3:Get* is safe and inside s3:*.
    private static readonly ActionCatalog Catalog =
        TestData.SmallCatalog("s3:GetObject", "s3:GetObjectAcl", "s3:GetBucket", "s3:PutObject");
    private static readonly ActionSet Unused = new(["s3:PutObject"]);

    private static VerificationReport Verify(string[] original, string[] refined, IGeneralizer? strategy = null,
        ActionCatalog? catalog = null, ActionSet? unused = null)
    {
        strategy ??= TriePrefixGeneralizer.Reference();
        using var solver = new Z3Session();
        var context = new CheckContext(catalog ?? Catalog, unused ?? Unused, strategy, solver);
        return new PolicyVerifier(context).Verify(PolicyOf(original), PolicyOf(refined), PropertyKind.All);
    }

    /// <summary>A one-statement policy; the JSON writer escapes what pattern text holds (a backslash, say).</summary>
    private static PolicyDocument PolicyOf(string[] actions)
    {
        var statement = new JsonObject
        {
            ["Effect"] = "Allow",
            ["Action"] = new JsonArray(actions.Select(a => (JsonNode)JsonValue.Create(a)).ToArray()),
            ["Resource"] = "*",
        };
        var root = new JsonObject { ["Version"] = "2012-10-17", ["Statement"] = new JsonArray(statement) };
        return PolicyDocument.FromText(PolicyDocument.Write(root), "test-policy");
    }

    private static PropertyOutcome Only(VerificationReport report, PropertyKind kind) => Property(report, kind).Statements.Single();

    [Theory]
    [InlineData("s3:GetObject*")]
    [InlineData("s3:getobject*")]
    [InlineData("s3:GETOBJECT*")]
    public void Item1_MaximalityDoesNotDependOnSpelling(string emitted)
    {
        var report = Verify(["s3:*"], [emitted, "s3:GetBucket"]);
        var m1 = Only(report, PropertyKind.Maximal);
        Assert.True(m1.Verdict == Verdict.Refuted, ReportWriter.Text(report));
        Assert.True(AsciiCase.Equal("s3:Get*", m1.Counterexample!.Action), m1.Counterexample.Action);
    }

    [Theory]
    [InlineData("s3:GetObject*", "s3:GetObject*")]
    [InlineData("s3:GetObject*", "S3:GETOBJECT*")]
    [InlineData("s3:GetObject*", "s3:GetObject**")]
    public void Item2_EachCopyOfADuplicateIsRedundant(string first, string second)
    {
        var report = Verify(["s3:*"], [first, second, "s3:GetBucket"]);
        Assert.True(Only(report, PropertyKind.NonRedundant).Verdict == Verdict.Refuted, ReportWriter.Text(report));
    }

    [Fact]
    public void Item3_MinimumSizeCertificateNamesDistinctActions()
    {
        // GetObject is the only kept action of s3:GetObject*: one pattern suffices, so two copies are not minimum.
        var report = Verify(["s3:GetObject*"], ["s3:GetObject", "s3:GetObject"], TriePrefixGeneralizer.Character(),
            unused: new ActionSet(["s3:GetObjectAcl"]));
        var m3 = Only(report, PropertyKind.MinimumSize);
        Assert.True(m3.Verdict == Verdict.Refuted, ReportWriter.Text(report));
        Assert.Contains("s3:GetObject", m3.Counterexample!.Explanation);
    }

    [Theory]
    [InlineData(@"s3:\x41*")]
    [InlineData(@"s3:\u{41}*")]
    [InlineData(@"s3:\u{d800}*")]
    [InlineData(@"s3:\u{110000}*")]
    public void Item4_EveryCounterexampleIsAStringTheRefinementGrantsAndTheOriginalDoesNot(string refined)
    {
        var report = Verify(["s3:Get*"], [refined]);
        var outcome = Only(report, PropertyKind.NoEscalation);
        Assert.True(outcome.Verdict == Verdict.Refuted, ReportWriter.Text(report));
        var witness = outcome.Counterexample!.Action;
        Assert.True(ActionPattern.Match(refined, witness) && !ActionPattern.Match("s3:Get*", witness), $"witness \"{witness}\"");
    }

    [Fact]
    public void Item4_AWitnessThatDoesNotCheckOutIsAnEngineErrorNotARefutation()
    {
        var query = Query.OverAllStrings("no-escalation s3:\\x41*", [@"s3:\x41*"], ["s3:Get*"]);
        var bogus = WitnessReplay.Check(query, Answer.Sat("s3:AA"));
        Assert.Equal(AnswerKind.Unknown, bogus.Kind);
        Assert.StartsWith("engine error: witness \"s3:AA\" does not check out", bogus.Reason);
        Assert.Equal(AnswerKind.Unknown, WitnessReplay.Check(query, Answer.Sat("s3:\\x41\u0100")).Kind);
        Assert.Equal(AnswerKind.Unknown, WitnessReplay.Check(query, Answer.Sat("s3:GetX")).Kind);
        var finite = Query.OverCandidates("sound", ["s3:GetObject"], ["s3:*"], []);
        Assert.Equal(AnswerKind.Unknown, WitnessReplay.Check(finite, Answer.Sat("s3:PutObject")).Kind);
        Assert.Equal(AnswerKind.Sat, WitnessReplay.Check(finite, Answer.Sat("s3:GetObject")).Kind);
        Assert.Equal(AnswerKind.Sat, WitnessReplay.Check(query, Answer.Sat(@"s3:\x41")).Kind);
    }

    [Fact]
    public void Item5_MaximalityJudgesEveryEmittedWildcard()
    {
        var report = Verify(["s3:*"], ["s3:GetObjec?*", "s3:GetBucket"]);
        var m1 = Only(report, PropertyKind.Maximal);
        Assert.True(m1.Verdict != Verdict.Proved, ReportWriter.Text(report));
        Assert.Contains("s3:GetObjec?*", m1.Reason);
    }

    [Fact]
    public void Item8_ACatalogNameOutsideTheGrammarIsBadInputNamingTheServiceAndIndex()
    {
        var kelvin = JsonInput.Parse("{\"services\": {\"s3\": [\"GetObject\", \"Get\u212AObject\"]}}", "k.json");
        var e = Assert.Throws<InputException>(() => ActionCatalog.Parse(kelvin, "k.json"));
        Assert.Equal("k.json", e.File);
        Assert.Equal("$.services.s3[1]", e.Place);
        Assert.Contains("U+212A", e.Problem);
        var service = JsonInput.Parse("{\"services\": {\"S3\": [\"GetObject\"]}}", "s.json");
        Assert.Contains("S3", Assert.Throws<InputException>(() => ActionCatalog.Parse(service, "s.json")).Place);
        var dash = JsonInput.Parse("{\"services\": {\"s3\": [\"Get-Object\"]}}", "d.json");
        Assert.Equal("$.services.s3[0]", Assert.Throws<InputException>(() => ActionCatalog.Parse(dash, "d.json")).Place);
    }

    [SkippableTheory]
    [InlineData("aws-2020-11-20.json")]
    [InlineData("aws-2021-10-15.json")]
    [InlineData("aws-2022-12-03.json")]
    [InlineData("aws-2023-04-12.json")]
    [InlineData("aws-2024-06-16.json")]
    [InlineData("aws-2026-08-21.json")]
    public void Item8_EverySharedCatalogFollowsTheGrammar(string file) =>
        Assert.True(ActionCatalog.Load(TestData.Path($"catalogs/{file}")).Count > 8000);

    [Theory]
    [InlineData(",")]
    [InlineData(",,")]
    public void Item6_AnEmptyPropertySetIsBadInput(string list)
    {
        var e = Assert.Throws<InputException>(() => Cli.Verbs.Proof.Scope(TriePrefixGeneralizer.Reference(), list));
        Assert.Equal("--properties", e.File);
    }
}
