using System.CommandLine;
using GeneralizationProofs.Catalog;
using GeneralizationProofs.Generalization;
using GeneralizationProofs.Harness;
using GeneralizationProofs.Policy;
using GeneralizationProofs.Verification;
using GeneralizationProofs.Verification.Solver;

namespace GeneralizationProofs.Cli.Verbs;

/// <summary>Exit codes (conventions): 0 ok or proved, 1 refuted, 2 unknown or bad input. The only place a verdict becomes one.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int Refuted = 1;
    public const int UnknownOrBadInput = 2;

    public static int Of(Verdict verdict) => verdict switch
    {
        Verdict.Proved => Ok,
        Verdict.Refuted => Refuted,
        _ => UnknownOrBadInput,
    };
}

/// <summary>Options several verbs share, and the one place that turns bad input into a message and exit code 2.</summary>
public static class CliCommon
{
    public static Option<string> PolicyOption() => new("--policy") { Description = "IAM policy JSON (bare, or a corpus wrapper)", Required = true };
    public static Option<string> UnusedOption() => new("--unused") { Description = "unused actions: the analyzer's list or a finding", Required = true };
    public static Option<string> CatalogOption(bool required = true) => new("--catalog") { Description = "action catalog JSON ({\"services\": {...}})", Required = required };

    /// <summary>
    /// <c>--strategy</c>. The mutants (deliberately broken) are offered only by the verbs that judge a strategy's
    /// claims or show a refutation (verify, demo, check), never by the verbs that produce policies.
    /// </summary>
    public static Option<string> StrategyOption(bool withMutants = false) => new("--strategy")
    {
        Description = withMutants
            ? $"generalization strategy: {Strategies.Names}; or a deliberately broken one to see a refutation: {Mutants.Names}"
            : $"generalization strategy: {Strategies.Names}",
        DefaultValueFactory = _ => Strategies.DefaultName,
    };

    public static Option<bool> IgnoreUnknownUnusedOption() => new("--ignore-unknown-unused")
    {
        Description = "leave out unused actions the catalog does not list (default: refuse, the catalog is stale)",
    };

    public static Option<string[]> PolicyFoldersOption() => new("--policies") { Description = "policy folder (repeatable); default: both shared folders" };

    /// <summary>The folders given, else both shared policy folders.</summary>
    public static List<string> PolicyFolders(string[]? given) => given is { Length: > 0 }
        ? given.ToList()
        : [SharedData.Require("policies/aws-managed"), SharedData.Require("policies/aws-managed-raw")];

    public static Option<string?> ShardOption(string items) => new("--shard")
    {
        Description = $"I/N: only the {items} that hash to shard I of N (0 <= I < N); auto/N takes I from "
            + string.Join(", ", Shard.IndexVariables),
    };

    /// <summary>The <c>--shard</c> given, or null; says on stderr which shard runs and where an auto index came from.</summary>
    public static Shard? ParseShard(string? spec)
    {
        if (spec is null)
        {
            return null;
        }
        var (shard, variable) = Shard.Parse(spec, Environment.GetEnvironmentVariable);
        Console.Error.WriteLine($"genproof: shard {shard}{(variable is null ? "" : $" (index from {variable})")}");
        return shard;
    }

    public static IGeneralizer Strategy(string name, bool withMutants = false) =>
        Strategies.Find(name) ?? (withMutants ? Mutants.Find(name) : null)
        ?? throw new InputException("--strategy", name, $"unknown strategy; known: {Strategies.Names}");

    /// <summary>Runs a verb body: bad input (or a missing Z3 library) becomes one line on stderr and exit code 2, never a stack trace.</summary>
    public static int Run(Func<int> body)
    {
        try
        {
            return body();
        }
        // The message names the file and the place (InputException) or says how to install Z3.
        catch (Exception e) when (e is InputException or SolverUnavailableException or IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"genproof: {e.Message}");
            return ExitCodes.UnknownOrBadInput;
        }
    }

    /// <summary>Prints to stdout, or writes the file atomically (no partial file on failure).</summary>
    public static void Emit(string text, string? outFile)
    {
        if (outFile is null)
        {
            Console.Out.Write(text);
        }
        else
        {
            JsonInput.WriteAtomically(outFile, text);
        }
    }

    public sealed record Inputs(PolicyDocument Policy, ActionCatalog Catalog, ActionSet Unused, List<string> IgnoredUnused);

    public static Inputs Load(string policyFile, string unusedFile, string catalogFile, bool ignoreUnknownUnused)
    {
        var catalog = ActionCatalog.Load(catalogFile);
        var policy = PolicyDocument.Load(policyFile);
        var unused = UnusedActions.Load(unusedFile, catalog, ignoreUnknownUnused, out var ignored);
        return new Inputs(policy, catalog, unused, ignored);
    }
}
