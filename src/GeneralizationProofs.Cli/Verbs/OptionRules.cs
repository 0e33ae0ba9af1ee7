using System.CommandLine;
using System.CommandLine.Parsing;

namespace GeneralizationProofs.Cli.Verbs;

/// <summary>
/// The rules every numeric and output-path option follows, attached to the option itself so that every verb applies
/// the same rule at parse time, before any work: a broken value is a usage error (exit 2) naming the option and the
/// rule, never a crash after an hour of proofs (issue 16: <c>--unused-rate NaN</c>, <c>--runs 0</c>, <c>--out ''</c>).
/// </summary>
public static class OptionRules
{
    public static Option<int> AtLeast(this Option<int> option, int min) => Rule(option, v => v >= min, $"an integer of at least {min}");

    public static Option<int?> AtLeast(this Option<int?> option, int min) =>
        Rule(option, v => v is null || v >= min, $"an integer of at least {min}");

    public static Option<uint> AtLeast(this Option<uint> option, uint min) => Rule(option, v => v >= min, $"an integer of at least {min}");

    /// <summary>A share: finite and in [0, 1] (NaN would compare false everywhere and mean 0 or everything).</summary>
    public static Option<double> Fraction(this Option<double> option) =>
        Rule(option, v => double.IsFinite(v) && v is >= 0 and <= 1, "a number between 0 and 1");

    /// <summary>A positive, finite number (seconds): NaN, 0 and Infinity would mean "no time" or "forever".</summary>
    public static Option<double> Positive(this Option<double> option) =>
        Rule(option, v => double.IsFinite(v) && v > 0, "a positive number");

    /// <summary>A file to write: not empty, not a folder, not ending in a separator (it would be created as one).</summary>
    public static Option<T> OutputFile<T>(this Option<T> option) => PathRule(option, path =>
        path.EndsWith('/') || path.EndsWith(Path.DirectorySeparatorChar) ? "names a folder (ends in a separator); give a file name"
        : Directory.Exists(path) ? "is an existing folder; give a file name"
        : null);

    /// <summary>A folder to write into: not empty, and not an existing file.</summary>
    public static Option<T> OutputFolder<T>(this Option<T> option) => PathRule(option, path =>
        File.Exists(path) ? "is an existing file; give a folder (it is created if missing)" : null);

    private static Option<T> Rule<T>(Option<T> option, Func<T, bool> holds, string rule)
    {
        option.Validators.Add(result =>
        {
            // A value that did not convert (e.g. "abc") is already reported by the parser.
            if (result.Errors.Any() || result.Tokens.Count == 0)
            {
                return;
            }
            T value;
            try
            {
                value = result.GetValueOrDefault<T>();
            }
            catch (InvalidOperationException)
            {
                return; // not converted: the parser says so
            }
            if (!holds(value))
            {
                result.AddError($"{option.Name}: must be {rule}; got {Shown(result)}");
            }
        });
        return option;
    }

    private static Option<T> PathRule<T>(Option<T> option, Func<string, string?> problem)
    {
        option.Validators.Add(result =>
        {
            if (result.Tokens.Count == 0)
            {
                return;
            }
            var path = result.Tokens[^1].Value;
            var why = path.Trim().Length == 0 ? "is empty; give a path" : problem(path);
            if (why is not null)
            {
                result.AddError($"{option.Name}: '{path}' {why}");
            }
        });
        return option;
    }

    private static string Shown(OptionResult result) => string.Join(" ", result.Tokens.Select(t => t.Value));
}
