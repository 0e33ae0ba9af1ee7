namespace GeneralizationProofs.Cli.Verbs;

/// <summary>
/// An output folder written as a whole (issue 16). Made before the work starts, so an output that cannot be written
/// is refused first: it takes the folder's lock (a hidden <c>.NAME.lock</c> beside it, held with an OS lock, so a
/// second run into the same folder is refused and a killed run never leaves it locked) and creates a hidden staging
/// sibling. The work writes into <see cref="Staging"/>; <see cref="Publish"/> moves it into place once complete.
/// Failure or cancellation (Dispose without Publish) removes the staging folder: no partial output is left.
/// Null target: nothing to write.
/// </summary>
public sealed class StagedFolder : IDisposable
{
    private readonly string? _target;
    private readonly string _option = "";
    private readonly bool _replace;
    private readonly FileStream? _lock;

    /// <param name="option">the option that named the folder, for messages.</param>
    /// <param name="replace">
    /// true for a report: the published folder is exactly what this run wrote (an earlier run's stale pages go);
    /// false: an existing folder keeps its other files and ours replace theirs of the same name.
    /// </param>
    public StagedFolder(string? target, string option, bool replace = false)
    {
        if (target is null)
        {
            return;
        }
        (_option, _replace) = (option, replace);
        _target = Path.GetFullPath(Path.TrimEndingDirectorySeparator(target));
        var parent = Path.GetDirectoryName(_target)!;
        Staging = Path.Combine(parent, $".{Path.GetFileName(_target)}.{Environment.ProcessId}.tmp");
        Writing(() => Directory.CreateDirectory(parent));
        try
        {
            _lock = new FileStream(LockFile(_target), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e) when (HeldByAnother(e))
        {
            throw Problem($"another genproof run is writing this folder (it holds {LockFile(_target)}); wait for it, "
                + "or choose another folder");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Problem($"cannot be written: {e.Message}");
        }
        Writing(() =>
        {
            Directory.CreateDirectory(Staging);
            if (Directory.Exists(_target))
            {
                // Publishing writes into (or removes) the existing folder: prove that is allowed, now.
                var probe = Path.Combine(_target, $".genproof-probe.{Environment.ProcessId}");
                File.WriteAllBytes(probe, []);
                File.Delete(probe);
            }
        });
    }

    // How .NET reports a lock held by another open: ERROR_SHARING_VIOLATION on Windows, flock's EWOULDBLOCK on Unix
    // (the errno itself as HResult: 11 on Linux, 35 on macOS).
    private static bool HeldByAnother(IOException e) =>
        (e.HResult & 0xFFFF) == 32 || e.HResult == (OperatingSystem.IsMacOS() ? 35 : 11);

    /// <summary>The lock file beside a target folder.</summary>
    public static string LockFile(string target)
    {
        var full = Path.GetFullPath(Path.TrimEndingDirectorySeparator(target));
        return Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.lock");
    }

    /// <summary>Where the work writes; null when there is no target.</summary>
    public string? Staging { get; }

    /// <summary>
    /// Runs work that writes into the folder; a write that fails (a full disk, a permission, a vanished folder)
    /// becomes bad input naming the option, after which Dispose removes what was staged.
    /// </summary>
    public void Writing(Action write)
    {
        if (_target is null)
        {
            write(); // nothing of ours is written: a failure is not this folder's
            return;
        }
        try
        {
            write();
        }
        // Parallel writers (the report's pages) wrap the failure.
        catch (AggregateException e)
            when (e.Flatten().InnerExceptions.FirstOrDefault(x => x is IOException or UnauthorizedAccessException) is { } inner)
        {
            throw Problem($"cannot be written: {inner.Message}; nothing was written");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Problem($"cannot be written: {e.Message}; nothing was written");
        }
    }

    public void Publish()
    {
        if (_target is null || Staging is null)
        {
            return;
        }
        Writing(() =>
        {
            if (!Directory.Exists(_target))
            {
                Directory.Move(Staging, _target);
            }
            else if (_replace)
            {
                // Two renames: the earlier folder steps aside, ours takes its place, and only then is the earlier removed.
                var earlier = Path.Combine(Path.GetDirectoryName(_target)!,
                    $".{Path.GetFileName(_target)}.{Environment.ProcessId}.old");
                Directory.Move(_target, earlier);
                Directory.Move(Staging, _target);
                try
                {
                    Directory.Delete(earlier, recursive: true);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    Console.Error.WriteLine($"genproof: the new {_option} folder is in place; the earlier one, moved to {earlier}, "
                        + $"could not be removed: {InputException.Shown(e.Message, InputException.MaxShownPath)}");
                }
            }
            else
            {
                MoveInto(Staging, _target);
            }
        });
    }

    /// <summary>Every file of <paramref name="from"/> into the same place under <paramref name="to"/>, replacing.</summary>
    private static void MoveInto(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Move(file, Path.Combine(to, Path.GetFileName(file)), overwrite: true);
        }
        foreach (var folder in Directory.GetDirectories(from))
        {
            MoveInto(folder, Path.Combine(to, Path.GetFileName(folder)));
        }
    }

    private InputException Problem(string problem) => new(_target!, _option, problem);

    public void Dispose()
    {
        try
        {
            if (Staging is not null && Directory.Exists(Staging))
            {
                Directory.Delete(Staging, recursive: true);
            }
        }
        finally
        {
            _lock?.Dispose(); // released last, so no other run starts while our staging folder is still there
        }
    }
}
