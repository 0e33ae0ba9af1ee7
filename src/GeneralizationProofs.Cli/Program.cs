using System.CommandLine;
using GeneralizationProofs.Cli.Verbs;

var root = new RootCommand("genproof: refine IAM policies by removing unused actions, and prove the refinement right")
{
    RefineVerb.Create(),
    VerifyVerb.Create(),
    DemoVerb.Create(),
    TrieVerb.Create(),
    MeasureVerb.Create(),
    BenchReportVerb.Create(),
    CorpusVerb.Create(),
    CheckVerb.Create(),
    CompareVerb.Create(),
    CliCommon.ClaimsOption,
    CliCommon.StrategyTimeoutOption,
};
return root.Parse(args).Invoke();
