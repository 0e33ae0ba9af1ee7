using System.Xml.Linq;
using GeneralizationProofs.Generalization;
using GeneralizationProofs.Harness.Reports;
using GeneralizationProofs.Patterns;
using Xunit;

namespace GeneralizationProofs.Tests;

/// <summary>
/// The trie picture of <c>s3:*</c> over six actions, two of them unused, in its three formats. Whole trie:
/// <code>
/// s3: ─ Get ─ Bucket ─ Acl (unused), Policy (safe: literal)
///           └ Object (safe: s3:GetObject*) ─ Acl (safe, below an emitted node: not reached by the walk)
///     └ List ─ Bucket (kept, under an unused ListBucketVersions: literal) ─ Versions (unused)
/// </code>
/// </summary>
public class TriePictureTests
{
    private static readonly GeneralizationContext Context = new(
        TestData.SmallCatalog(
            "s3:GetObject", "s3:GetObjectAcl", "s3:GetBucketAcl", "s3:GetBucketPolicy", "s3:ListBucket", "s3:ListBucketVersions"),
        new ActionSet(["s3:GetBucketAcl", "s3:ListBucketVersions"]));

    private static TriePicture Picture(bool wholeTrie, GeneralizationContext? context = null) =>
        TriePicture.Of(TriePrefixGeneralizer.Reference(), new ActionPattern("s3:*"), context ?? Context, wholeTrie);

    [Fact]
    public void TheModelHoldsTheDecidedNodesInTreeOrder()
    {
        var walked = Picture(wholeTrie: false);
        var whole = Picture(wholeTrie: true);
        Assert.Equal(["s3:GetBucketPolicy", "s3:GetObject*", "s3:ListBucket"], whole.Emitted);
        Assert.Equal(whole.Emitted, walked.Emitted);
        Assert.Equal(10, whole.Rows.Count);
        // The walk stops at the safe s3:GetObject: its child is in the whole trie only.
        Assert.Equal(whole.Rows.Select(r => r.Prefix).Where(p => p != "s3:GetObjectAcl"), walked.Rows.Select(r => r.Prefix));
        Assert.All(whole.Rows.Skip(1), r => Assert.Equal(r.Depth - 1, whole.Rows[r.Parent].Depth));
        Assert.Equal(["s3:GetBucketPolicy", "s3:GetObject", "s3:ListBucket"], whole.Rows.Where(r => r.Emitted).Select(r => r.Prefix));
        var notReached = Assert.Single(whole.Rows, r => r.Prefix == "s3:GetObjectAcl");
        Assert.True(notReached.Safe);
        Assert.Null(notReached.Pattern);
    }

    [Fact]
    public void TextIsAnIndentedTreeWithMarksCountsAndWhatIsEmitted()
    {
        // Written out deliberately: this is the format a terminal user reads.
        Assert.Equal(
            """
            [UNSAFE] s3: (4/6 kept)
              [UNSAFE] s3:Get (3/4 kept)
                [UNSAFE] s3:GetBucket (1/2 kept)
                  [UNSAFE] s3:GetBucketAcl (0/1 kept)
                  [safe]   s3:GetBucketPolicy (1/1 kept)  => emit s3:GetBucketPolicy
                [safe]   s3:GetObject (2/2 kept)  => emit s3:GetObject*
                  [safe]   s3:GetObjectAcl (1/1 kept)
              [UNSAFE] s3:List (1/2 kept)
                [UNSAFE] s3:ListBucket (1/2 kept)  => emit s3:ListBucket
                  [UNSAFE] s3:ListBucketVersions (0/1 kept)
            emitted: s3:GetBucketPolicy, s3:GetObject*, s3:ListBucket

            """.ReplaceLineEndings("\n"),
            TriePictureFormats.Text(Picture(wholeTrie: true)));
    }

    [Fact]
    public void DotHasOneNodePerTrieNodeColouredBySafetyAndEmittedOnesBold()
    {
        var dot = TriePictureFormats.Dot(Picture(wholeTrie: true));
        Assert.StartsWith("digraph trie {\n", dot);
        Assert.EndsWith("}\n", dot);
        Assert.Equal(10, Count(dot, "[label="));
        Assert.Equal(9, Count(dot, " -> "));
        Assert.Equal(3, Count(dot, "fillcolor=\"#c8e6c9\""));
        Assert.Equal(7, Count(dot, "fillcolor=\"#ffcdd2\""));
        Assert.Equal(3, Count(dot, "penwidth=3"));
        Assert.Contains("  n5 [label=\"s3:GetObject\\nsafe, 2/2 kept\\nemit s3:GetObject*\", fillcolor=\"#c8e6c9\", penwidth=3];\n", dot);
        Assert.Contains("  n1 -> n5;\n", dot);
    }

    [Fact]
    public void SvgDrawsWhatTheWalkDecidedGreenAndRedWithEmittedNodesThick()
    {
        var svg = XElement.Parse(TriePictureFormats.Svg(Picture(wholeTrie: false), maxRows: 400));
        XNamespace ns = "http://www.w3.org/2000/svg";
        var groups = svg.Elements(ns + "g").ToList();
        Assert.Equal(9, groups.Count);
        Assert.Equal(2, groups.Count(g => (string?)g.Attribute("class") == "safe"));
        Assert.Equal(7, groups.Count(g => (string?)g.Attribute("class") == "unsafe"));
        Assert.All(groups.Where(g => (string?)g.Attribute("class") == "safe"),
            g => Assert.Equal("#dafbe1", (string?)g.Element(ns + "rect")!.Attribute("fill")));
        Assert.All(groups.Where(g => (string?)g.Attribute("class") == "unsafe"),
            g => Assert.Equal("#ffebe9", (string?)g.Element(ns + "rect")!.Attribute("fill")));
        var thick = groups.Where(g => (string?)g.Element(ns + "rect")!.Attribute("stroke-width") == "3").Select(g => g.Value);
        Assert.Equal(["s3:GetBucketPolicy  (safe, 1 actions) → s3:GetBucketPolicy", "s3:GetObject  (safe, 2 actions) → s3:GetObject*",
            "s3:ListBucket  (unsafe, 2 actions) → s3:ListBucket"], thick);
        Assert.Equal(8, svg.Elements(ns + "path").Count());
    }

    [Fact]
    public void SvgSaysHowManyRowsItLeftOut()
    {
        var svg = XElement.Parse(TriePictureFormats.Svg(Picture(wholeTrie: true), maxRows: 4));
        XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.Equal(4, svg.Elements(ns + "g").Count());
        Assert.Equal("… 6 more nodes not drawn (genproof trie draws them all)", svg.Elements(ns + "text").Single().Value);
    }

    [Fact]
    public void WithoutUnusedActionsTheWholeTrieIsSafeAndTheEntryStays()
    {
        var context = Context with { Unused = ActionSet.None };
        Assert.Empty(Picture(wholeTrie: false, context).Rows);
        Assert.StartsWith("<p class=\"muted\">(no trie", TriePictureFormats.Svg(Picture(wholeTrie: false, context)));
        var whole = Picture(wholeTrie: true, context);
        Assert.Equal(10, whole.Rows.Count);
        Assert.All(whole.Rows, r => Assert.True(r.Safe && !r.Emitted && r.Pattern is null));
        Assert.EndsWith("emitted: s3:*\n", TriePictureFormats.Text(whole));
    }

    private static int Count(string text, string part) => (text.Length - text.Replace(part, "").Length) / part.Length;
}
