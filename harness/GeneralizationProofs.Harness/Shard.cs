using System.Globalization;
using System.Text;

namespace GeneralizationProofs.Harness;

/// <summary>
/// One of <see cref="Count"/> disjoint parts of a run, so that a job array (a CI matrix, a Kubernetes Indexed Job,
/// Slurm or AWS Batch arrays) can split it with no scheduler of ours: an item belongs to shard
/// <c>FNV-1a-64(UTF-8 of its id) mod N</c>. The hash is the same in every process and on every machine, which
/// <c>string.GetHashCode</c> (randomised per process) is not; so the N shards are disjoint and cover everything.
/// </summary>
public sealed record Shard(int Index, int Count)
{
    /// <summary>Where job arrays put the task's index, in the order <c>auto/N</c> looks.</summary>
    public static readonly string[] IndexVariables = ["JOB_COMPLETION_INDEX", "SLURM_ARRAY_TASK_ID", "AWS_BATCH_JOB_ARRAY_INDEX"];

    public bool Contains(string id) => Of(id, Count) == Index;

    /// <summary>The shard (0 … count − 1) an id belongs to.</summary>
    public static int Of(string id, int count) => (int)(Fnv1a64(id) % (ulong)count);

    /// <summary>For <c>check</c>: the id of case <paramref name="index"/> is its decimal index.</summary>
    public static string CaseId(int index) => index.ToString(CultureInfo.InvariantCulture);

    public static ulong Fnv1a64(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash = unchecked((hash ^ b) * 1099511628211UL);
        }
        return hash;
    }

    public override string ToString() => $"{Index}/{Count}";

    /// <summary>
    /// Reads <c>I/N</c> (0 ≤ I &lt; N) or <c>auto/N</c>, which takes I from the first of <see cref="IndexVariables"/>
    /// that is set. Returns the shard and the variable it came from (null for an explicit index).
    /// </summary>
    public static (Shard Shard, string? Variable) Parse(string spec, Func<string, string?> environment)
    {
        var parts = spec.Split('/');
        if (parts.Length != 2 || !TryCount(parts[1], out var count))
        {
            throw new InputException("--shard", spec, "expected I/N or auto/N with N a whole number of at least 1 (e.g. 0/4)");
        }
        if (parts[0].Trim() != "auto")
        {
            return (new Shard(CheckIndex(parts[0], count, "--shard", spec), count), null);
        }
        foreach (var variable in IndexVariables)
        {
            if (environment(variable) is { Length: > 0 } value)
            {
                return (new Shard(CheckIndex(value, count, variable, value), count), variable);
            }
        }
        throw new InputException("--shard", spec,
            $"auto needs the task index in one of {string.Join(", ", IndexVariables)}; none is set (or give it: --shard I/{count})");
    }

    private static bool TryCount(string text, out int count) =>
        int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out count) && count >= 1;

    private static int CheckIndex(string text, int count, string source, string value) =>
        int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < count
            ? index
            : throw new InputException(source, value, $"the shard index must be a whole number from 0 to {count - 1} (N = {count})");
}
