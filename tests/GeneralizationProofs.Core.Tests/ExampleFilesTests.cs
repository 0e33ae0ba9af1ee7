using System.Text.Json.Nodes;
using GeneralizationProofs.Harness;
using Xunit;

namespace GeneralizationProofs.Tests;

/// <summary>examples/acceptance/ is the acceptance example of spec §1 as files; it must not drift from the one in code.</summary>
public sealed class ExampleFilesTests
{
    private static string Example(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "GeneralizationProofs.sln")))
            {
                return File.ReadAllText(Path.Combine(dir.FullName, "examples", "acceptance", name));
            }
        }
        throw new InvalidOperationException("the repository root is not above the test binaries");
    }

    [Fact]
    public void TheAcceptanceExampleFilesAreTheSpecsExample()
    {
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(AcceptanceExample.PolicyJson), JsonNode.Parse(Example("policy.json"))));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(AcceptanceExample.UnusedJson), JsonNode.Parse(Example("unused.json"))));
    }
}
