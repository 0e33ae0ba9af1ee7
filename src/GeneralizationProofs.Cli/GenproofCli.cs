using System.CommandLine;
using GeneralizationProofs.Cli.Verbs;

namespace GeneralizationProofs.Cli;

/// <summary>The command line of <c>genproof</c>, built in one place for the program and for tests that parse command lines.</summary>
public static class GenproofCli
{
    public static RootCommand Root() => new("genproof: refine IAM policies by removing unused actions, and prove the refinement right")
    {
        RefineVerb.Create(),
        VerifyVerb.Create(),
        DemoVerb.Create(),
        TrieVerb.Create(),
        MeasureVerb.Create(),
        BenchReportVerb.Create(),
        CorpusVerb.Create(),
        MergeVerb.Create(),
        CheckVerb.Create(),
    };
}
