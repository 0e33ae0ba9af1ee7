using System.CommandLine;
using System.CommandLine.Invocation;
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
        PeersReportVerb.Create(),
        CorpusVerb.Create(),
        CheckVerb.Create(),
        CompareVerb.Create(),
        MergeVerb.Create(),
        PaperVerb.Create(),
        CliCommon.ClaimsOption,
        CliCommon.StrategyTimeoutOption,
    };

    public static int Invoke(string[] args)
    {
        var parsed = Root().Parse(args);
        return parsed.Errors.Count == 0 ? parsed.Invoke() : UsageError(parsed);
    }

    // System.CommandLine answers a usage error with exit code 1, which here means "refuted": a CI job could not tell a
    // typo from a broken proof. A usage error (an unknown verb or option, a value that breaks an option's rule) is bad
    // input, so it exits 2 before any work; its messages (with System.CommandLine's "did you mean") go to stderr,
    // escaped like every name a message echoes, and say where the help is.
    private static int UsageError(ParseResult parsed)
    {
        var text = new StringWriter();
        if (parsed.Action is ParseErrorAction action)
        {
            action.ShowHelp = false;
            parsed.Invoke(new InvocationConfiguration { Output = text, Error = text });
        }
        else
        {
            foreach (var error in parsed.Errors)
            {
                text.WriteLine(error.Message);
            }
        }
        foreach (var line in text.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            Console.Error.WriteLine(InputException.Shown(line, 2 * InputException.MaxShownPath));
        }
        var command = parsed.CommandResult.Command;
        var help = command is RootCommand ? "genproof --help" : $"genproof {command.Name} --help";
        Console.Error.WriteLine($"genproof: usage error (exit code {ExitCodes.UnknownOrBadInput}); see '{help}'");
        return ExitCodes.UnknownOrBadInput;
    }
}
