using System.Diagnostics;

namespace GeneralizationProofs.Cli.Verbs;

/// <summary>
/// Progress of a long verb on stderr: a bar with an ETA on a terminal, a plain line per tenth of the run when stderr is
/// redirected (CI logs). Safe to call from worker threads.
/// </summary>
public sealed class ProgressDisplay(string what)
{
    private readonly Stopwatch _watch = Stopwatch.StartNew();
    private readonly object _lock = new();
    private readonly bool _terminal = !Console.IsErrorRedirected;
    private int _lastTenth = -1;
    private long _lastDrawMs = -1000;

    /// <summary><paramref name="done"/> of <paramref name="total"/> are finished; <paramref name="note"/> is shown after the ETA.</summary>
    public void Report(int done, int total, string? note = null)
    {
        lock (_lock)
        {
            var elapsed = _watch.Elapsed.TotalSeconds;
            var eta = done == 0 ? 0 : elapsed / done * (total - done);
            var tail = $"{done}/{total}, {elapsed:F0} s, ETA {eta:F0} s{(note is null ? "" : ", " + note)}";
            if (_terminal)
            {
                if (_watch.ElapsedMilliseconds - _lastDrawMs < 100 && done < total)
                {
                    return; // redraw at most ten times a second
                }
                _lastDrawMs = _watch.ElapsedMilliseconds;
                const int width = 30;
                var filled = total == 0 ? width : done * width / total;
                Console.Error.Write($"\r{what}: [{new string('#', filled)}{new string('.', width - filled)}] {tail}\u001b[K");
            }
            else if (total > 0 && done * 10 / total is var tenth && tenth != _lastTenth)
            {
                _lastTenth = tenth;
                Console.Error.WriteLine($"{what}: {tail}");
            }
        }
    }

    /// <summary>A message of its own line, above the bar.</summary>
    public void Line(string message)
    {
        lock (_lock)
        {
            Console.Error.Write(_terminal ? "\r\u001b[K" : "");
            Console.Error.WriteLine(message);
        }
    }

    /// <summary>Ends the bar's line on a terminal.</summary>
    public void Finish()
    {
        if (_terminal)
        {
            Console.Error.WriteLine();
        }
    }
}
