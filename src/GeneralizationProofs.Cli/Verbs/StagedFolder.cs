namespace GeneralizationProofs.Cli.Verbs;

/// <summary>
/// An output folder written as a whole: files go to a hidden sibling, moved into the folder by <see cref="Publish"/>
/// once the work is complete; failure or cancellation (Dispose without Publish) removes the sibling, so no partial
/// output is left behind. Null target: nothing to write.
/// </summary>
public sealed class StagedFolder : IDisposable
{
    private readonly string? _target;

    public StagedFolder(string? target)
    {
        if (target is null)
        {
            return;
        }
        _target = Path.GetFullPath(Path.TrimEndingDirectorySeparator(target));
        var parent = Path.GetDirectoryName(_target)!;
        Staging = Path.Combine(parent, $".{Path.GetFileName(_target)}.{Environment.ProcessId}.tmp");
    }

    /// <summary>Where the work writes; null when there is no target.</summary>
    public string? Staging { get; }

    public void Publish()
    {
        if (_target is null || Staging is null)
        {
            return;
        }
        Directory.CreateDirectory(Staging);
        if (!Directory.Exists(_target))
        {
            Directory.Move(Staging, _target);
            return;
        }
        // An existing folder (an earlier run's) keeps its other files; ours replace theirs of the same name.
        foreach (var file in Directory.GetFiles(Staging))
        {
            File.Move(file, Path.Combine(_target, Path.GetFileName(file)), overwrite: true);
        }
    }

    public void Dispose()
    {
        if (Staging is not null && Directory.Exists(Staging))
        {
            Directory.Delete(Staging, recursive: true);
        }
    }
}
