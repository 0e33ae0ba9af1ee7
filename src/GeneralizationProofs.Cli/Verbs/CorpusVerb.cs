using System.CommandLine;
using System.Diagnostics;
using GeneralizationProofs.Catalog;
using GeneralizationProofs.Refinement;
using GeneralizationProofs.Verification.Corpus;
using GeneralizationProofs.Verification.Solver;

namespace GeneralizationProofs.Cli.Verbs;

/// <summary>
/// <c>genproof corpus</c>: regression proofs over real policies (seeded unused sets, refine, prove every claim), with
/// reports for people (index.html) and for CI (summary.json, junit.xml). Exit 0 when every policy is proved, 1 when a
/// claim is refuted, 2 when one is unknown or a policy could not be read.
/// </summary>
public static class CorpusVerb
{
    public static Command Create()
    {
        var policies = new Option<string[]>("--policies") { Description = "policy folder (repeatable); default: both shared folders" };
        var catalog = CliCommon.CatalogOption();
        var rate = new Option<double>("--unused-rate") { Description = "share of each policy's granted actions marked unused", DefaultValueFactory = _ => 0.3 };
        var seed = new Option<int>("--seed") { DefaultValueFactory = _ => 1 };
        var strategy = CliCommon.StrategyOption();
        var jobs = new Option<int>("--jobs") { Description = "policies proved at once (default: all cores)", DefaultValueFactory = _ => Environment.ProcessorCount };
        var sample = new Option<int>("--sample") { Description = "prove every N-th policy of the sorted list (1 = all)", DefaultValueFactory = _ => 1 };
        var report = new Option<string?>("--report") { Description = "folder for index.html, summary.json and junit.xml" };
        var timeout = new Option<uint>("--timeout-ms") { Description = "per-query solver timeout", DefaultValueFactory = _ => 10_000 };
        var command = new Command("corpus", "Refine every policy of a corpus with seeded unused sets and prove every claimed property")
        {
            policies, catalog, rate, seed, strategy, jobs, sample, report, timeout,
        };
        command.SetAction(r => CliCommon.Run(() =>
        {
            var folders = r.GetValue(policies) is { Length: > 0 } given
                ? given.ToList()
                : [SharedData.Require("policies/aws-managed"), SharedData.Require("policies/aws-managed-raw")];
            if (r.GetValue(rate) is < 0 or > 1)
            {
                throw new InputException("--unused-rate", r.GetValue(rate).ToString(), "must be between 0 and 1");
            }
            var generalizer = CliCommon.Strategy(r.GetValue(strategy)!);
            var catalogFile = r.GetValue(catalog)!;
            var actions = ActionCatalog.Load(catalogFile);
            var files = CorpusProof.Sample(CorpusCase.Files(folders), r.GetValue(sample));
            if (files.Count == 0)
            {
                throw new InputException(string.Join(", ", folders), "folder", "holds no policy files: nothing to prove");
            }
            var settings = new CorpusSettings(Path.GetFileName(catalogFile), actions.Date, generalizer.Name, r.GetValue(rate), r.GetValue(seed),
                Math.Max(1, r.GetValue(jobs)), Math.Max(1, r.GetValue(sample)));
            var progress = new ProgressDisplay(files.Count);
            var watch = Stopwatch.StartNew();
            PolicyProof[] results;
            try
            {
                results = new CorpusProof(actions, generalizer, settings.UnusedRate, settings.Seed, r.GetValue(timeout))
                    .Run(files, settings.Jobs, progress.Done);
            }
            catch (SolverUnavailableException e)
            {
                throw new InputException("libz3", "solver", e.Message);
            }
            progress.Finish();
            var summary = new CorpusSummary(settings, results, watch.Elapsed.TotalSeconds);
            Console.Out.Write(summary.Text());
            if (r.GetValue(report) is { } folder)
            {
                CorpusReport.Write(folder, summary, actions, generalizer);
                Console.Out.WriteLine($"report: {Path.Combine(folder, "index.html")}");
            }
            return summary.ExitCode;
        }));
        return command;
    }

    /// <summary>A bar with an ETA on a terminal; plain lines (every tenth of the run) when stderr is redirected.</summary>
    private sealed class ProgressDisplay(int total)
    {
        private readonly Stopwatch _watch = Stopwatch.StartNew();
        private readonly object _lock = new();
        private readonly bool _terminal = !Console.IsErrorRedirected;
        private int _done, _notProved, _lastTenth = -1;
        private long _lastDrawMs = -1000;

        public void Done(PolicyProof proof)
        {
            lock (_lock)
            {
                _done++;
                if (proof.Status != PolicyStatus.Proved)
                {
                    _notProved++;
                    Console.Error.Write(_terminal ? "\r\u001b[K" : "");
                    Console.Error.WriteLine($"{proof.Status.ToString().ToLowerInvariant()}: {proof.Name} ({proof.File})");
                }
                var elapsed = _watch.Elapsed.TotalSeconds;
                var eta = _done == 0 ? 0 : elapsed / _done * (total - _done);
                if (_terminal)
                {
                    if (_watch.ElapsedMilliseconds - _lastDrawMs < 100 && _done < total)
                    {
                        return;
                    }
                    _lastDrawMs = _watch.ElapsedMilliseconds;
                    const int width = 30;
                    var filled = total == 0 ? width : _done * width / total;
                    Console.Error.Write($"\r[{new string('#', filled)}{new string('.', width - filled)}] {_done}/{total}  {elapsed:F0} s, ETA {eta:F0} s, {_notProved} not proved\u001b[K");
                }
                else if (total > 0 && _done * 10 / total is var tenth && tenth != _lastTenth)
                {
                    _lastTenth = tenth;
                    Console.Error.WriteLine($"corpus: {_done}/{total} policies, {elapsed:F0} s, ETA {eta:F0} s, {_notProved} not proved");
                }
            }
        }

        public void Finish()
        {
            if (_terminal)
            {
                Console.Error.WriteLine();
            }
        }
    }
}
