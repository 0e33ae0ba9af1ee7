using System.CommandLine;
using GeneralizationProofs.Harness.Corpus;

namespace GeneralizationProofs.Cli.Verbs;

/// <summary>
/// <c>genproof merge DIR… --report OUT</c>: the report folders of the N shards of one corpus run into one report, the
/// same as an unsharded run would write (timings aside). Exit codes as for <c>corpus</c>, on the merged verdict; 2 when
/// the shards do not belong together (different settings, one missing, one given twice), naming which.
/// </summary>
public static class MergeVerb
{
    public static Command Create()
    {
        var folders = new Argument<string[]>("shard-reports")
        {
            Description = "the --report folders of genproof corpus --shard I/N, one per shard",
            Arity = ArgumentArity.OneOrMore,
        };
        var report = new Option<string>("--report")
        {
            Description = "folder for the merged summary.json, junit.xml, sarif.json and index.html",
            Required = true,
        }.OutputFolder();
        var command = new Command("merge", "Merge the reports of the shards of a corpus run into one report") { folders, report };
        command.SetAction(r => CliCommon.Run(() =>
        {
            // Claimed before reading the shards: written as a whole, never into by two merges at once.
            using var output = new StagedFolder(r.GetValue(report)!, "--report", replace: true);
            CorpusSummary? summary = null;
            output.Writing(() => summary = CorpusMerge.Merge(r.GetValue(folders)!, r.GetValue(report)!, output.Staging!));
            output.Publish();
            Console.Out.Write(summary!.Text());
            Console.Out.WriteLine($"report: {Path.Combine(r.GetValue(report)!, "index.html")}");
            return ExitCodes.Of(summary!.Verdict);
        }));
        return command;
    }
}
