using System.Runtime.InteropServices;
using Microsoft.Z3;

namespace GeneralizationProofs.Verification.Solver;

/// <summary>Loading libz3, cancellation, and saying which limit ended a query.</summary>
public sealed partial class Z3Session
{
    private static readonly object LoadLock = new();
    private static bool _resolverSet;

    private readonly CancellationToken _cancel;
    private readonly CancellationTokenRegistration _interrupt;

    /// <summary>Points Microsoft.Z3's imports of "libz3" at the system library; a clear message if it is missing.</summary>
    public static void LoadLibrary()
    {
        lock (LoadLock)
        {
            if (!_resolverSet)
            {
                NativeLibrary.SetDllImportResolver(typeof(Native).Assembly, (name, assembly, path) =>
                {
                    if (!name.Contains("z3", StringComparison.OrdinalIgnoreCase))
                    {
                        return IntPtr.Zero;
                    }
                    foreach (var candidate in new[] { "libz3.so.4", "libz3.so", "libz3.dylib", "libz3.dll", "libz3" })
                    {
                        if (NativeLibrary.TryLoad(candidate, assembly, path, out var handle))
                        {
                            return handle;
                        }
                    }
                    return IntPtr.Zero;
                });
                _resolverSet = true;
            }
            try
            {
                _ = Native.Z3_get_full_version();
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException or TypeInitializationException)
            {
                throw new SolverUnavailableException(
                    "the Z3 library (libz3.so.4) was not found. On Debian/Ubuntu: apt-get install -y libz3-4  (" + e.GetType().Name + ")");
            }
        }
    }

    /// <summary>Called from the canceller's thread: Z3_interrupt is the one call Z3 allows while a check runs.</summary>
    private void Interrupt() => Native.Z3_interrupt(_ctx);

    /// <summary>
    /// Z3 4.8.12 gives the same reason, "canceled", for a query stopped by the time limit, by the resource limit and
    /// by an interrupt. The session knows which limits it set: an interrupt is a cancellation (thrown, never an
    /// answer), a query that ran for its whole time limit hit the time limit, else the resource limit.
    /// </summary>
    private string UnknownReason(string reason, TimeSpan elapsed)
    {
        _cancel.ThrowIfCancellationRequested();
        if (reason is not ("canceled" or "timeout"))
        {
            return reason;
        }
        if (elapsed.TotalMilliseconds >= _timeoutMs * 0.9 || _resourceLimit == 0)
        {
            return $"time limit: the query ran out of its {_timeoutMs:N0} ms (--timeout-ms; Z3: {reason})";
        }
        return $"resource limit: the query used up its rlimit of {_resourceLimit:N0} (--rlimit; Z3: {reason})";
    }
}
