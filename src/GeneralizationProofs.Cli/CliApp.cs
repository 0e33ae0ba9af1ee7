using System.CommandLine;
using GeneralizationProofs.Cli.Verbs;

namespace GeneralizationProofs.Cli;

/// <summary>The command tree and its invocation, apart from Program so the tests can run the CLI in-process.</summary>
public static class CliApp
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
        CheckVerb.Create(),
    };

    /// <summary>Usage errors (an unknown option, a value that breaks an option's rule) are bad input: exit 2, before any work.</summary>
    public static int Invoke(string[] args)
    {
        var parse = Root().Parse(args);
        if (parse.Errors.Count == 0)
        {
            return parse.Invoke();
        }
        foreach (var error in parse.Errors)
        {
            Console.Error.WriteLine($"genproof: {error.Message}");
        }
        Console.Error.WriteLine("genproof: see 'genproof --help' and 'genproof VERB --help'");
        return ExitCodes.UnknownOrBadInput;
    }
}
