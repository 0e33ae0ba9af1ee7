namespace GeneralizationProofs.Cli.Verbs;

/// <summary>
/// Output files checked for writability before the work starts (issue 16): a file is written atomically at the end
/// (a temporary file beside it, then a rename), so what must be allowed is creating a file in its folder. Checked by
/// doing that, with a probe removed at once: permission bits alone do not say it (root, read-only mounts, ACLs).
/// </summary>
public static class OutputFiles
{
    /// <param name="option">the option that named the file, for messages.</param>
    public static void CheckWritable(string? path, string option)
    {
        if (path is null)
        {
            return;
        }
        var full = Path.GetFullPath(path);
        var probe = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Environment.ProcessId}.probe");
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write))
            {
            }
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException(path, option, $"cannot be written: {InputException.Shown(e.Message, InputException.MaxShownPath)}");
        }
    }
}
