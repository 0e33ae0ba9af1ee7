using System.Text.Json.Nodes;
using GeneralizationProofs.Generalization;
using GeneralizationProofs.Harness.Reports;
using GeneralizationProofs.Patterns;
using Xunit;
using static GeneralizationProofs.Tests.TestProofs;

namespace GeneralizationProofs.Tests;

/// <summary>
/// <c>verify --format json</c> gives evidence as fields, not only prose: each M1 line names the pattern, the coarser
/// candidate and a witness that the candidate grants but may not (an unused action, or a string outside the original),
/// and each M2 line a kept action that only its pattern grants. The fields are checked with the matcher, so a report
/// that put the wrong string in a field fails here.
/// </summary>
public class ReportJsonTests
{
    [SkippableFact]
    public void EvidenceFieldsAreStructuredAndCheckOut()
    {
        var catalog = TestData.Catalog();
        var policy = PolicyWith("s3:Get*", "s3:List*");
        var unused = new ActionSet(["s3:GetBucketAcl", "s3:ListBucketVersions"]);
        var report = RefineAndVerify(TriePrefixGeneralizer.Reference(), catalog, policy, unused);
        var json = JsonNode.Parse(ReportWriter.Json(report))!;
        var properties = json["properties"]!.AsArray();
        var maximal = Evidence(properties, "maximal");
        var nonRedundant = Evidence(properties, "non-redundant");
        Assert.NotEmpty(maximal);
        Assert.NotEmpty(nonRedundant);
        foreach (var e in maximal.Where(e => e["candidate"] is not null))
        {
            var (candidate, witness) = ((string)e["candidate"]!, (string)e["witness"]!);
            Assert.True(ActionPattern.Match(candidate, witness), $"{candidate} does not grant its witness {witness}");
            var outside = !ActionPattern.Match("s3:Get*", witness) && !ActionPattern.Match("s3:List*", witness);
            Assert.True(unused.Contains(witness) || outside, $"{witness} is neither unused nor outside the original");
            Assert.Contains(witness, (string)e["text"]!);
        }
        foreach (var e in nonRedundant)
        {
            var (pattern, witness) = ((string)e["subject"]!, (string)e["witness"]!);
            Assert.True(ActionPattern.Match(pattern, witness) && !unused.Contains(witness), $"{pattern}: {witness}");
        }
    }

    private static List<JsonNode> Evidence(JsonArray properties, string property) => properties
        .Single(p => (string)p!["property"]! == property)!["statements"]!.AsArray()
        .SelectMany(s => s!["evidence"]!.AsArray()).Select(e => e!).ToList();
}
