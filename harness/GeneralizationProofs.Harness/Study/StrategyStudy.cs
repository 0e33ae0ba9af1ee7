using System.Collections.Concurrent;
using System.Diagnostics;
using GeneralizationProofs.Catalog;
using GeneralizationProofs.Generalization;
using GeneralizationProofs.Harness.Corpus;
using GeneralizationProofs.Patterns;
using GeneralizationProofs.Policy;
using GeneralizationProofs.Refinement;

namespace GeneralizationProofs.Harness.Study;

/// <summary>
/// The strategy comparison of issue 5 on real data: every policy of the given folders, refined by every strategy
/// against every catalog with a seeded share of its granted actions unused (<see cref="CorpusCase"/>).
/// </summary>
public sealed class StrategyStudy(
    IReadOnlyList<ActionCatalog> catalogsByDate, IReadOnlyList<IPolicyStrategy> strategies, double unusedRate, int seed)
{
    /// <summary>The managed-policy size limit, in characters not counting whitespace (the one place: PolicySize).</summary>
    public static readonly int PolicyCharacterLimit = PolicySize.Limit(PolicyType.Managed);

    private static int OverLimit(long characters) => characters > PolicyCharacterLimit ? 1 : 0;

    public const string Original = "original";

    /// <param name="sample">take every sample-th policy of each folder (1 = all).</param>
    /// <param name="cancel">stops the run between policies and catalogs (OperationCanceledException): bench-report on a signal.</param>
    public StudyResult Run(IReadOnlyList<string> folders, int sample, Action<int, int>? progress = null, CancellationToken cancel = default)
    {
        var files = folders.SelectMany(folder => CorpusCase.Sample(CorpusCase.Files([folder]), sample)
            .Select(file => (Folder: Path.GetFileName(Path.TrimEndingDirectorySeparator(folder)), File: file))).ToList();
        var size = new ConcurrentDictionary<(string Strategy, string Folder), SizeFigures>();
        var future = new ConcurrentDictionary<(string Strategy, string Folder, int Base, int Later), long>();
        var unreadable = new ConcurrentBag<string>();
        var failures = new ConcurrentDictionary<(string Strategy, string Folder), FailureFigures>();
        var failureMessages = new ConcurrentBag<string>();
        var answered = new ConcurrentDictionary<(string Strategy, string Folder), int>();
        var done = 0;
        var options = new ParallelOptions { CancellationToken = cancel };
        try
        {
            Parallel.ForEach(files, options, item => MeasureFile(item.Folder, item.File));
        }
        // A worker stopped by the token throws inside the loop, which wraps it; the caller wants the cancellation.
        catch (AggregateException e) when (cancel.IsCancellationRequested
                                           && e.Flatten().InnerExceptions.All(x => x is OperationCanceledException))
        {
            throw new OperationCanceledException(cancel);
        }

        void MeasureFile(string folder, string file)
        {
            PolicyDocument policy;
            try
            {
                policy = PolicyDocument.Load(file);
            }
            catch (InputException e)
            {
                unreadable.Add(e.Message);
                return;
            }
            Measure(policy, folder, size, future, name => answered.AddOrUpdate((name, folder), 1, (_, n) => n + 1),
                (name, kind, message) => Failed(name, folder, kind, message), cancel);
            progress?.Invoke(Interlocked.Increment(ref done), files.Count);
        }
        var dates = catalogsByDate.Select(c => c.Date).ToList();
        var names = strategies.Select(s => s.Name).ToList();
        var folderNames = files.Select(f => f.Folder).Distinct().ToList();
        var futureRows = (
            from folder in folderNames
            from i in Enumerable.Range(0, dates.Count)
            from j in Enumerable.Range(i + 1, dates.Count - i - 1)
            from name in names.Prepend(Original)
            select new FutureFigures(name, folder, dates[i], dates[j], future.GetValueOrDefault((name, folder, i, j)))).ToList();
        var sizeRows = (
            from folder in folderNames
            from name in names.Prepend(Original)
            select size.GetValueOrDefault((name, folder)) ?? new SizeFigures(name, folder, 0, 0, 0, 0, 0)).ToList();
        var problems = unreadable.Order(StringComparer.Ordinal).ToList();
        // Every strategy has a row per folder (zeros included), so that "nothing failed" is shown, not implied.
        var failureRows = (
            from folder in folderNames
            from name in names
            select failures.GetValueOrDefault((name, folder)) is { } f
                ? f with { Requests = f.Requests + Answered(name, folder) }
                : new FailureFigures(name, folder, Answered(name, folder), 0, 0, 0)).ToList();
        return new StudyResult(names, dates, sizeRows, futureRows, problems, unusedRate, seed, sample, failureRows,
            failureMessages.Order(StringComparer.Ordinal).ToList());

        int Answered(string name, string folder) => answered.GetValueOrDefault((name, folder));

        void Failed(string name, string folder, Failure kind, string? message)
        {
            var one = new FailureFigures(name, folder, 1, kind == Failure.Failed ? 1 : 0, kind == Failure.TimedOut ? 1 : 0,
                kind == Failure.NotSent ? 1 : 0);
            failures.AddOrUpdate((name, folder), one, (_, sum) => sum with
            {
                Requests = sum.Requests + 1, Failed = sum.Failed + one.Failed, TimedOut = sum.TimedOut + one.TimedOut,
                NotSent = sum.NotSent + one.NotSent,
            });
            if (message is not null)
            {
                failureMessages.Add($"{name} on {message}");
            }
        }
    }

    private enum Failure { Failed, TimedOut, NotSent }

    private void Measure(PolicyDocument policy, string folder, ConcurrentDictionary<(string, string), SizeFigures> size,
        ConcurrentDictionary<(string, string, int, int), long> future, Action<string> answered, Action<string, Failure, string?> failed,
        CancellationToken cancel)
    {
        var timedOut = new HashSet<string>(StringComparer.Ordinal); // strategies that ran out of time on this policy
        var originalPatterns = policy.Statements.Where(s => s.IsRefinable).SelectMany(s => s.Actions).ToList();
        var literals = originalPatterns.Where(a => new ActionPattern(a).IsLiteral).ToHashSet(AsciiCase.EqualityComparer);
        var newest = catalogsByDate.Count - 1;
        for (var i = 0; i < catalogsByDate.Count; i++)
        {
            cancel.ThrowIfCancellationRequested(); // one policy against all catalogs takes seconds for a large one
            var catalog = catalogsByDate[i];
            var granted = CorpusCase.Granted(policy, catalog);
            var unused = CorpusCase.Unused(policy, granted, unusedRate, seed);
            var kept = granted.Where(a => !unused.Contains(a)).ToHashSet(AsciiCase.EqualityComparer);
            CountFuture(Original, originalPatterns);
            if (i == newest)
            {
                var characters = Characters(policy.Document);
                Add(Original, new SizeFigures(Original, folder, 1, originalPatterns.Count, characters, OverLimit(characters), 0));
            }
            foreach (var strategy in strategies)
            {
                if (timedOut.Contains(strategy.Name))
                {
                    failed(strategy.Name, Failure.NotSent, null); // a time-out again, most likely: counted, not retried
                    continue;
                }
                var watch = Stopwatch.StartNew();
                PolicyRefinement refinement;
                try
                {
                    refinement = strategy.Refine(policy, new GeneralizationContext(catalog, unused));
                }
                catch (StrategyFailedException e)
                {
                    // An exec: strategy that crashed or timed out on this request: counted, listed, left out of its rows.
                    var timeout = External.ExternalStrategy.IsTimeout(e);
                    if (timeout)
                    {
                        timedOut.Add(strategy.Name);
                    }
                    failed(strategy.Name, timeout ? Failure.TimedOut : Failure.Failed,
                        $"{policy.Name} (catalog {catalog.Date}): {e.Problem}");
                    continue;
                }
                answered(strategy.Name);
                var milliseconds = watch.Elapsed.TotalMilliseconds;
                var patterns = refinement.Statements.Where(s => s.Original.IsRefinable && s.Outcome != StatementOutcome.Removed)
                    .SelectMany(s => s.Outcome == StatementOutcome.Unchanged ? s.Original.Actions : s.RefinedActions).ToList();
                CountFuture(strategy.Name, patterns);
                if (i == newest)
                {
                    var characters = Characters(refinement.Refined);
                    // Over the limit, --split's parts: how many, and whether any is still over (one entry too big).
                    var parts = characters > PolicyCharacterLimit && !refinement.Detach ? Split(refinement.Refined) : null;
                    var figures = new SizeFigures(strategy.Name, folder, 1, patterns.Count, characters, OverLimit(characters), milliseconds,
                        parts is { Count: 0 } || parts?.Any(p => PolicySize.Characters(p) > PolicyCharacterLimit) == true ? 1 : 0,
                        parts?.Count ?? 0);
                    Add(strategy.Name, figures);
                }
            }

            void CountFuture(string name, List<string> patterns)
            {
                for (var j = i + 1; j < catalogsByDate.Count; j++)
                {
                    var granted = catalogsByDate[j].Granted(patterns).Count(a => !kept.Contains(a) && !literals.Contains(a));
                    future.AddOrUpdate((name, folder, i, j), granted, (_, sum) => sum + granted);
                }
            }
        }

        void Add(string name, SizeFigures figures) => size.AddOrUpdate((name, folder), figures, (_, sum) => sum with
        {
            Policies = sum.Policies + 1,
            Patterns = sum.Patterns + figures.Patterns,
            Characters = sum.Characters + figures.Characters,
            OverLimit = sum.OverLimit + figures.OverLimit,
            RefineMilliseconds = sum.RefineMilliseconds + figures.RefineMilliseconds,
            OverAfterSplit = sum.OverAfterSplit + figures.OverAfterSplit,
            SplitParts = sum.SplitParts + figures.SplitParts,
        });
    }

    /// <summary>--split's parts; none when it cannot split (a NotAction statement alone over the limit): still over.</summary>
    private static List<System.Text.Json.Nodes.JsonObject> Split(System.Text.Json.Nodes.JsonObject refined)
    {
        try
        {
            return PolicySplitter.Split(refined, PolicyCharacterLimit);
        }
        catch (InvalidDataException)
        {
            return [];
        }
    }

    /// <summary>The size IAM counts against the limit: the characters of the document, whitespace not counted.</summary>
    public static long Characters(System.Text.Json.Nodes.JsonNode document) => PolicySize.Characters(document);
}
