using System.CommandLine;
using System.Diagnostics;
using GeneralizationProofs.Catalog;
using GeneralizationProofs.Harness;
using GeneralizationProofs.Harness.Compare;
using GeneralizationProofs.Harness.Corpus;
using GeneralizationProofs.Refinement;
using GeneralizationProofs.Verification.Solver;

namespace GeneralizationProofs.Cli.Verbs;

/// <summary>
/// <c>genproof corpus</c>: regression proofs over real policies (seeded unused sets, refine, prove every claim), with
/// reports for people (index.html) and for CI (summary.json, junit.xml, sarif.json). Exit 0 when every policy is proved,
/// 1 when a claim is refuted, 2 when one is unknown or a policy could not be read. <c>--shard I/N</c> proves one part.
/// </summary>
public static class CorpusVerb
{
    public static Command Create()
    {
        var policies = CliCommon.PolicyFoldersOption();
        var catalog = CliCommon.CatalogOption();
        var rate = new Option<double>("--unused-rate")
        {
            Description = "share of each policy's granted actions marked unused", DefaultValueFactory = _ => 0.3,
        }.Fraction();
        var seed = new Option<int>("--seed") { DefaultValueFactory = _ => 1 };
        var strategy = CliCommon.StrategyOption();
        var jobs = new Option<int>("--jobs")
        {
            Description = "policies proved at once (default: all cores)", DefaultValueFactory = _ => Environment.ProcessorCount,
        }.AtLeast(1);
        var sample = new Option<int>("--sample")
        {
            Description = "prove every N-th policy of the sorted list (1 = all)", DefaultValueFactory = _ => 1,
        }.AtLeast(1);
        var report = new Option<string?>("--report")
        {
            Description = "folder for index.html, summary.json, junit.xml and sarif.json",
        }.OutputFolder();
        var timeout = new Option<uint>("--timeout-ms") { Description = "per-query solver timeout", DefaultValueFactory = _ => 10_000 }
            .AtLeast(1u);
        var engine = CliCommon.EngineOption(EngineChoice.Both);
        var refinedOut = new Option<string?>("--refined-out")
        {
            Description = "store each refined policy as DIR/<policy folder>/<file>: a baseline for compare --left-dir",
        }.OutputFolder();
        var shardOption = CliCommon.ShardOption("policies whose folder/file names");
        var command = new Command("corpus", "Refine every policy of a corpus with seeded unused sets and prove every claimed property")
        {
            policies, catalog, rate, seed, strategy, jobs, sample, report, timeout, engine, refinedOut, shardOption,
        };
        command.SetAction(r => CliCommon.Run("the corpus run", cancel =>
        {
            var folders = CliCommon.PolicyFolders(r.GetValue(policies));
            var generalizer = CliCommon.Strategy(r, r.GetValue(strategy)!);
            var catalogFile = r.GetValue(catalog)!;
            var actions = ActionCatalog.Load(catalogFile);
            var shard = CliCommon.ParseShard(r.GetValue(shardOption));
            var corpus = CorpusCase.Sample(CorpusCase.Files(folders, out var skipped), r.GetValue(sample));
            foreach (var entry in skipped)
            {
                Console.Error.WriteLine($"genproof: skipped (not a regular file): {entry}");
            }
            if (skipped.Count > 0)
            {
                Console.Error.WriteLine($"genproof: {skipped.Count} entries of the policy folders skipped: not regular files");
            }
            if (corpus.Count == 0)
            {
                throw new InputException(string.Join(", ", folders), "folder", "holds no policy files: nothing to prove");
            }
            // A shard keeps each policy's position in the whole corpus, so that a merge puts the policies back in order.
            var indices = Enumerable.Range(0, corpus.Count).Where(i => shard?.Contains(CorpusSummary.Id(corpus[i])) ?? true).ToList();
            var files = indices.Select(i => corpus[i]).ToList();
            var settings = new CorpusSettings(Path.GetFileName(catalogFile), actions.Date, generalizer.Name, r.GetValue(rate),
                r.GetValue(seed),
                Math.Max(1, r.GetValue(jobs)), Math.Max(1, r.GetValue(sample)), r.GetValue(timeout),
                folders.Select(f => Path.GetFileName(Path.TrimEndingDirectorySeparator(f))).ToList(), corpus.Count, shard,
                CliCommon.Engine(r.GetValue(engine)).ToString().ToLowerInvariant());
            // Both output folders are claimed before the work: one that cannot be written is refused now, not after an hour.
            using var reportFolder = new StagedFolder(r.GetValue(report), "--report", replace: true);
            using var refinedFolder = new StagedFolder(r.GetValue(refinedOut), "--refined-out");
            var progress = new ProgressDisplay("corpus");
            int done = 0, notProved = 0;
            var watch = Stopwatch.StartNew();
            var results = new CorpusProof(actions, generalizer, settings.UnusedRate, settings.Seed, r.GetValue(timeout),
                    CliCommon.Engine(r.GetValue(engine)))
                .Run(files, settings.Jobs, proof =>
                {
                    if (proof.Status != PolicyStatus.Proved)
                    {
                        Interlocked.Increment(ref notProved);
                        progress.Line($"{proof.Status.ToString().ToLowerInvariant()}: {proof.Name} ({proof.File})");
                    }
                    progress.Report(Interlocked.Increment(ref done), files.Count, $"{Volatile.Read(ref notProved)} not proved");
                }, cancel);
            progress.Finish();
            var summary = new CorpusSummary(settings, results, watch.Elapsed.TotalSeconds, indices);
            // Both folders are written into their staging siblings first and published only if no signal came meanwhile: a
            // Ctrl-C during the report's writing (seconds for a large corpus) leaves nothing, not one output of two.
            cancel.ThrowIfCancellationRequested();
            if (r.GetValue(refinedOut) is not null)
            {
                // Every refinement, proved or not: a baseline records what a version did, and compare judges it.
                refinedFolder.Writing(() =>
                {
                    foreach (var proof in results.Where(p => p.Refinement is not null))
                    {
                        var path = ComparisonSide.StoredPath(refinedFolder.Staging!, proof.File);
                        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                        File.WriteAllText(path, RefinementOutput.PolicyJson(proof.Refinement!));
                    }
                });
            }
            if (r.GetValue(report) is not null)
            {
                reportFolder.Writing(() => CorpusReport.Write(reportFolder.Staging!, summary, actions, generalizer));
            }
            cancel.ThrowIfCancellationRequested();
            refinedFolder.Publish();
            reportFolder.Publish();
            Console.Out.Write(summary.Text());
            if (r.GetValue(refinedOut) is { } outputs)
            {
                Console.Out.WriteLine($"refined policies: {outputs}");
            }
            if (r.GetValue(report) is { } folder)
            {
                Console.Out.WriteLine($"report: {Path.Combine(folder, "index.html")}");
            }
            return ExitCodes.Of(summary.Verdict);
        }));
        return command;
    }
}
