using GeneralizationProofs.Generalization;
using GeneralizationProofs.Patterns;
using Xunit;

namespace GeneralizationProofs.Tests;

public class TokenizerAndPatternTests
{
    [Theory]
    [InlineData("s3:GetBucketCORS", "s3:|Get|Bucket|CORS")]
    [InlineData("healthlake:ListFHIRDatastores", "healthlake:|List|FHIR|Datastores")]
    [InlineData("ec2:DescribeEC2InstanceTypes", "ec2:|Describe|EC2|Instance|Types")]
    [InlineData("s3:GetS3Object", "s3:|Get|S3|Object")]
    [InlineData("rds-db:connect", "rds-db:|connect")]
    [InlineData("aws-marketplace-management:viewReports", "aws-marketplace-management:|view|Reports")]
    [InlineData("waf:ListACLs", "waf:|List|ACLs")]
    [InlineData("rds:CreateDBSnapshot", "rds:|Create|DB|Snapshot")]
    [InlineData("lambda:InvokeFunctionV2", "lambda:|Invoke|Function|V2")]
    public void TokenizesCamelCaseAcronymAware(string action, string expected) =>
        Assert.Equal(expected, string.Join("|", ActionTokenizer.Tokens(action)));

    [Theory]
    [InlineData("s3:Get*", "s3:GetObject", true)]
    [InlineData("s3:Get*", "S3:GETOBJECT", true)]
    [InlineData("s3:Get*", "s3:Ge", false)]
    [InlineData("*", "anything:at all", true)]
    [InlineData("s3:Get?bject", "s3:GetObject", true)]
    [InlineData("s3:Get?bject", "s3:GetOObject", false)]
    [InlineData("autoscaling:*LoadBalancer*", "autoscaling:AttachLoadBalancers", true)]
    [InlineData("rds:*DBSubnetGroup", "rds:CreateDBSubnetGroups", false)]
    [InlineData("a*b*c", "aXbYbZc", true)]
    [InlineData("é:x", "É:x", false)] // only ASCII letters fold
    [InlineData("s3:", "s3:", true)]
    public void MatchesIamSemantics(string pattern, string action, bool expected) =>
        Assert.Equal(expected, ActionPattern.Match(pattern, action));

    [Fact]
    public void LiteralPrefixAndShapes()
    {
        var p = new ActionPattern("s3:Get*");
        Assert.Equal("s3:Get", p.LiteralPrefix);
        Assert.True(p.IsPrefixGlob);
        Assert.False(new ActionPattern("s3:*Get").IsPrefixGlob);
        Assert.True(new ActionPattern("s3:GetObject").IsLiteral);
        Assert.True(new ActionPattern("s3:Get*").Covers(new ActionPattern("S3:GETOBJECT*")));
        Assert.False(new ActionPattern("a*b").Covers(new ActionPattern("a*b*")));
    }
}

public class TokenTrieTests
{
    private static string Shape(TokenTrie trie) =>
        string.Join("\n", trie.Nodes().Select(n => $"{n.Parent?.Prefix}>{n.Prefix}={n.Action}"));

    [Fact]
    public void NodesAreSharedByFoldedPrefixWhateverTheInputOrder()
    {
        // x:AbCDe tokenizes Ab|C|De, so x:AbC is a node although x:AbCd (token Cd) came first in folded order.
        string[] actions = ["x:AbCd", "x:AbCDe", "x:abcdf", "x:Ab", "x:B"];
        var sorted = TokenTrie.Build("x:", actions.Order(AsciiCase.Comparer), ActionTokenizer.TokenEnds);
        var shuffled = TokenTrie.Build("x:", actions.Reverse(), ActionTokenizer.TokenEnds);
        Assert.Equal(Shape(sorted), Shape(shuffled));
        var prefixes = sorted.Nodes().Select(n => n.Prefix).ToList();
        Assert.Equal(prefixes.Count, prefixes.Distinct(AsciiCase.EqualityComparer).Count());
        Assert.Contains("x:AbC", prefixes);
        // Every node extends its parent, and children are in folded order.
        Assert.All(sorted.Nodes().Where(n => n.Parent is not null), n => Assert.True(AsciiCase.StartsWith(n.Prefix, n.Parent!.Prefix)));
        Assert.All(sorted.Nodes(), n => Assert.Equal(n.Children.Select(c => c.Prefix).Order(AsciiCase.Comparer), n.Children.Select(c
            => c.Prefix)));
    }
}
