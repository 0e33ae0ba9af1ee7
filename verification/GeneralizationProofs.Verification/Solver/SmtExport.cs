using System.Text.RegularExpressions;

namespace GeneralizationProofs.Verification.Solver;

/// <summary>
/// <c>--smt-out DIR</c>: every query as a standalone SMT-LIB2 file carrying <c>(set-info :status …)</c>, the answer the
/// engines agreed on, and one line per file in <c>manifest.tsv</c>: the file, the query, its property and statement,
/// what each engine answered, the status, and what <c>sat</c> means for that file. <c>scripts/recheck-smt.sh</c>
/// runs z3 and cvc5 over the folder and compares with the manifest (cvc5 is the offline third opinion).
/// Thread-safe: files are numbered atomically and manifest lines appended under a lock.
/// </summary>
public sealed partial class SmtExport
{
    public const string ManifestFile = "manifest.tsv";
    public const string Header = "file\tquery\tproperty\tstatement\tanswers\tstatus\tsat means";

    private readonly string _folder;
    private readonly string _engine;
    private readonly object _manifestLock = new();
    private int _written;

    /// <param name="solverVersion">names the engine of single-engine answers in the manifest (its first word).</param>
    public SmtExport(string folder, string solverVersion)
    {
        _folder = folder;
        _engine = solverVersion.Split(' ')[0].ToLowerInvariant();
        Directory.CreateDirectory(folder);
        // A new manifest for a new run: lines of an earlier run would name files this run overwrites.
        File.WriteAllText(Path.Combine(folder, ManifestFile), Header + "\n");
    }

    /// <summary>Writes the query with its agreed status and records it in the manifest; returns the file's path.</summary>
    public string Write(Query query, Answer answer)
    {
        var name = $"{Interlocked.Increment(ref _written):D5}-{Sanitize(query.Name)}.smt2";
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, SmtLibWriter.Write(query, answer.Kind));
        var engines = answer.Engines ?? [new EngineAnswer(_engine, answer)];
        var answers = string.Join(' ', engines.Select(e => $"{e.Engine}={e.Answer.Kind.ToString().ToLowerInvariant()}"));
        var property = query.Name.Split(' ')[0];
        var statement = StatementLabel().Match(query.Name) is { Success: true } m ? m.Value : "";
        string[] fields = [name, query.Name, property, statement, answers, answer.Kind.ToString().ToLowerInvariant(), SatMeaning(property)];
        var line = string.Join('\t', fields.Select(f => f.Replace('\t', ' ').ReplaceLineEndings(" "))) + "\n";
        lock (_manifestLock)
        {
            File.AppendAllText(Path.Combine(_folder, ManifestFile), line);
        }
        return path;
    }

    /// <summary>What a sat answer means for a query of this property (the first word of its name, see Checks/).</summary>
    public static string SatMeaning(string property) => property switch
    {
        "sound" => "counterexample: a refined pattern grants this unused action",
        "no-escalation" => "counterexample: a refined pattern grants a string the original patterns do not",
        "complete" => "counterexample: a kept action no refined pattern grants",
        "kept-in-original" or "kept-complete" => "engine error: the encoding and the core matcher disagree on the kept actions",
        "maximal-unsafe" => "witness (M1 holds here): the coarser candidate grants an unused action",
        "maximal-escape" => "witness (M1 holds here): the coarser candidate escapes the original patterns",
        "non-redundant" => "witness (M2 holds here): a kept action only this pattern grants",
        "minimum-size-representative" => "the representative: a kept action the emitted pattern grants",
        "minimum-size-pair" => "certificate (M3): the common prefix glob grants an unused action",
        "minimum-size-merge" => "the merged glob grants an unused action (not a usable merge)",
        "minimum-size-escape" => "certificate (M3): the glob escapes the original patterns",
        "differential" => "the encoding and the core matcher disagree on a string",
        _ => "a string exists in the domain, in some include pattern and in no exclude pattern",
    };

    /// <summary>A query name as a file-name part: letters, digits, - and _ only, at most 80 characters.</summary>
    public static string Sanitize(string name) =>
        new(name.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '_').Take(80).ToArray());

    [GeneratedRegex(@"Statement \d+( \(Sid [^)]*\))?")]
    private static partial Regex StatementLabel();
}
