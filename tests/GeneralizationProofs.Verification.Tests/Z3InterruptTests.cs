using GeneralizationProofs.Verification.Solver;
using Xunit;

namespace GeneralizationProofs.Tests;

/// <summary>
/// A cancellation that interrupts Z3 inside a call (Z3_interrupt) reaches the caller as a cancellation, never as a
/// solver answer or a Z3Exception: after a SIGINT one escaped unhandled and genproof exited 1 with a stack (issue 16).
/// </summary>
public class Z3InterruptTests
{
    [Fact]
    public void AnInterruptedQueryIsACancellation()
    {
        // Membership of many candidates in a pattern of 500 stars: seconds of rewriting, interrupted after 100 ms.
        var pattern = "s3:" + string.Concat(Enumerable.Repeat("*A", 500));
        var candidates = Enumerable.Range(0, 2000).Select(i => "s3:" + new string('A', 300 + i % 200) + i).ToList();
        using var cancel = new CancellationTokenSource();
        using var z3 = new Z3Session(cancel: cancel.Token);
        cancel.CancelAfter(TimeSpan.FromMilliseconds(100));
        var thrown = Record.Exception(() => z3.Decide(Query.OverCandidates("interrupted", candidates, [pattern], [])));
        Assert.True(thrown is OperationCanceledException, $"expected a cancellation, got {thrown?.GetType().Name ?? "an answer"}");
        Assert.True(cancel.IsCancellationRequested, "the query ended before the interrupt: make it longer");
    }

    [Fact]
    public void AnInterruptedBatchIsACancellation()
    {
        // The batched path (DecideAll, one rewriter call per batch of predicted atoms) interrupted the same way: the
        // "canceled" of the batch's Z3_simplify escaped as a Z3Exception, genproof exiting 1 with a stack after a SIGINT.
        var pattern = "s3:" + string.Concat(Enumerable.Repeat("*A", 500));
        var queries = Enumerable.Range(0, 40).Select(q => Query.OverCandidates($"batch {q}",
            Enumerable.Range(0, 50).Select(i => "s3:" + new string('A', 300 + (q + i) % 200) + i).ToList(), [pattern], [])).ToList();
        using var cancel = new CancellationTokenSource();
        using var z3 = new Z3Session(cancel: cancel.Token);
        cancel.CancelAfter(TimeSpan.FromMilliseconds(100));
        var thrown = Record.Exception(() => z3.DecideAll(queries));
        Assert.True(thrown is OperationCanceledException, $"expected a cancellation, got {thrown?.GetType().Name ?? "answers"}");
        Assert.True(cancel.IsCancellationRequested, "the batch ended before the interrupt: make it longer");
    }
}
