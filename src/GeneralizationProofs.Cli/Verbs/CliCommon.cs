using System.CommandLine;
using System.Runtime.InteropServices;
using GeneralizationProofs.Catalog;
using GeneralizationProofs.Generalization;
using GeneralizationProofs.Harness;
using GeneralizationProofs.Harness.External;
using GeneralizationProofs.Policy;
using GeneralizationProofs.Verification.Solver;

namespace GeneralizationProofs.Cli.Verbs;

/// <summary>Options several verbs share, and the one place that turns bad input into a message and exit code 2.</summary>
public static class CliCommon
{
    public static Option<string> PolicyOption() => new("--policy") { Description = "IAM policy JSON (bare, or a corpus wrapper)",
        Required = true };
    public static Option<string> UnusedOption() => new("--unused") { Description = "unused actions: the analyzer's list or a finding",
        Required = true };
    public static Option<string> CatalogOption(bool required = true)
        => new("--catalog") { Description = "action catalog JSON ({\"services\": {...}})", Required = required };

    /// <summary>
    /// <c>--strategy</c>. The mutants (deliberately broken) are offered only by the verbs that judge a strategy's
    /// claims or show a refutation (verify, demo, check), never by the verbs that produce policies.
    /// </summary>
    public static Option<string> StrategyOption(bool withMutants = false) => new("--strategy")
    {
        Description = withMutants
            ? $"generalization strategy: {Strategies.Names}, {ExternalForms}; "
              + $"or a deliberately broken one to see a refutation: {Mutants.Names}"
            : $"generalization strategy: {Strategies.Names}, {ExternalForms}",
        DefaultValueFactory = _ => Strategies.DefaultName,
    };

    /// <summary>
    /// <c>--engine z3|automata|both</c> on every verb that proves. Each verb picks its default (README, "Engines"):
    /// <c>both</c> wherever a verdict is printed, since an answer then stands only when two procedures give it.
    /// </summary>
    public static Option<string> EngineOption(EngineChoice defaultEngine) => new Option<string>("--engine")
    {
        Description = "decision procedure: z3 (SMT), automata (Fare), or both (a property is proved only when both agree; "
            + "a disagreement is an error, exit 2)",
        DefaultValueFactory = _ => Engines.Name(defaultEngine),
    }.AcceptingOnly("z3", "automata", "both");

    private static Option<string> AcceptingOnly(this Option<string> option, params string[] values)
    {
        option.AcceptOnlyFromAmong(values);
        return option;
    }

    public static EngineChoice Engine(string? name) =>
        Engines.Parse(name ?? "") ?? throw new InputException("--engine", name ?? "", $"unknown engine; use {Engines.Names}");

    /// <summary>Where the policy is attached: its size limit (spec §6).</summary>
    public static Option<string> PolicyTypeOption()
    {
        return new Option<string>("--policy-type")
        {
            Description = "managed (6,144 characters) | inline-user (2,048) | inline-group (5,120) | inline-role (10,240)",
            DefaultValueFactory = _ => "managed",
        }.AcceptingOnly(PolicySize.Names);
    }

    public static PolicyType PolicyType(string name) => PolicySize.Parse(name) ?? Policy.PolicyType.Managed;

    public static Option<bool> IgnoreUnknownUnusedOption() => new("--ignore-unknown-unused")
    {
        Description = "leave out unused actions the catalog does not list (default: refuse, the catalog is stale)",
    };

    public static Option<string[]> PolicyFoldersOption()
        => new("--policies") { Description = "policy folder (repeatable); default: both shared folders" };

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

    private const string ExternalForms =
        "'exec:COMMAND ARGS…' (a process speaking adapters/README.md's protocol) or 'assembly:PATH.dll[:Type]'";

    /// <summary><c>--claims</c>, on every verb (recursive): what an <c>exec:</c> strategy promises.</summary>
    public static readonly Option<string?> ClaimsOption = new("--claims")
    {
        Description = "for an exec: strategy, the properties it claims (default sound, no-escalation, complete); maximal is refused",
        Recursive = true,
    };

    /// <summary><c>--strategy-timeout</c>, on every verb (recursive): seconds an <c>exec:</c> strategy has per request.</summary>
    public static readonly Option<double> StrategyTimeoutOption = new Option<double>("--strategy-timeout")
    {
        Description = "seconds an exec: strategy may take per request before it counts as failed and is restarted",
        DefaultValueFactory = _ => 30,
        Recursive = true,
    }.Positive();

    // Processes of exec: strategies end when the verb does (Run disposes them), never left behind.
    private static readonly List<IDisposable> Owned = [];

    /// <summary>The strategy <c>--strategy</c> names: a built-in, a mutant (where offered), exec: or assembly:.</summary>
    public static IPolicyStrategy Strategy(ParseResult r, string name, bool withMutants = false)
    {
        var claims = r.GetValue(ClaimsOption);
        if (claims is not null && !name.StartsWith(ExternalStrategy.Prefix, StringComparison.Ordinal))
        {
            throw new InputException("--claims", claims, "applies to exec: strategies only (a built-in or plug-in states its own claims)");
        }
        if (name.StartsWith(ExternalStrategy.Prefix, StringComparison.Ordinal))
        {
            var seconds = r.GetValue(StrategyTimeoutOption); // positive and finite: OptionRules.Positive
            var external = new ExternalStrategy(name[ExternalStrategy.Prefix.Length..], Claims(claims), TimeSpan.FromSeconds(seconds));
            lock (Owned)
            {
                Owned.Add(external);
            }
            return external;
        }
        if (name.StartsWith(PluginStrategy.Prefix, StringComparison.Ordinal))
        {
            return PluginStrategy.Load(name[PluginStrategy.Prefix.Length..]);
        }
        return Strategies.Find(name) ?? (withMutants ? Mutants.Find(name) : null)
            ?? throw new InputException("--strategy", InputException.Shown(name),
                $"unknown strategy; known: {Strategies.Names}, {ExternalForms}");
    }

    private static PropertyKind Claims(string? list)
    {
        if (list is null)
        {
            return ExternalStrategy.DefaultClaims;
        }
        var result = PropertyKind.None;
        foreach (var name in list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            result |= PropertyKinds.Parse(name)
                ?? throw new InputException("--claims", name, $"unknown property; use {PropertyKinds.Names}");
        }
        if (result.HasFlag(PropertyKind.Maximal))
        {
            // M1 judges each wildcard by the next coarser candidate at the strategy's own granularity (token,
            // character, ...); the protocol has no way to state it, so the claim could not be checked as meant.
            throw new InputException("--claims", list, "maximal (M1) needs the strategy's coarser-prefix granularity, which an exec: "
                + "strategy cannot state; claim non-redundant or minimum-size instead, or write an IGeneralizer plug-in (assembly:)");
        }
        return result == PropertyKind.None
            ? throw new InputException("--claims", list, $"names no property; use {PropertyKinds.Names}")
            : result;
    }

    /// <summary>Runs a verb body: bad input (or a missing Z3 library) becomes one line on stderr and exit code 2, never a stack
    /// trace.</summary>
    public static int Run(Func<int> body)
    {
        try
        {
            return body();
        }
        // The message names the file and the place (InputException), the strategy and request (StrategyFailedException),
        // or says how to install Z3.
        catch (Exception e) when (e is InputException or StrategyFailedException or SolverUnavailableException or IOException
            or UnauthorizedAccessException)
        {
            // An InputException's message is already safe to print; an I/O error's may echo a path as it was given.
            var message = e is InputException ? e.Message : InputException.Shown(e.Message, 2 * InputException.MaxShownPath);
            Console.Error.WriteLine($"genproof: {message}");
            return ExitCodes.UnknownOrBadInput;
        }
        finally
        {
            lock (Owned)
            {
                Owned.ForEach(o => o.Dispose());
                Owned.Clear();
            }
        }
    }

    /// <summary>Exit code of a run cancelled by SIGINT (128 + 2, as shells report it).</summary>
    public const int Cancelled = 130;

    /// <summary>
    /// As <see cref="Run(Func{int})"/> for a long verb that honours cancellation. A first SIGINT (Ctrl-C) or SIGTERM
    /// cancels the token: solver queries are interrupted inside Z3, workers stop, nothing is written, and the verb
    /// exits 130 saying what was cancelled. A second signal is left to the runtime, which ends the process.
    /// </summary>
    public static int Run(string what, Func<CancellationToken, int> body)
    {
        using var cancel = new CancellationTokenSource();
        var signals = 0;
        void OnSignal(PosixSignalContext context)
        {
            if (Interlocked.Increment(ref signals) == 1)
            {
                context.Cancel = true;
                // The token first: the cancellation must not wait on a write to stderr (a full pipe would hold it).
                cancel.Cancel();
                Console.Error.WriteLine($"genproof: {context.Signal}: cancelling {what} (again to kill)");
            }
        }
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
        try
        {
            return Run(() => body(cancel.Token));
        }
        catch (Exception e) when (cancel.IsCancellationRequested && e is OperationCanceledException or AggregateException)
        {
            Console.Error.WriteLine($"genproof: cancelled: {what} stopped before it finished; no result and no output written");
            return Cancelled;
        }
    }

    /// <summary>Prints the policy's warnings (accepted but odd shapes, such as a statement without Resource) on stderr.</summary>
    public static void Warn(Policy.PolicyDocument policy)
    {
        foreach (var warning in policy.Warnings)
        {
            Console.Error.WriteLine($"genproof: warning: {warning}");
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

    /// <param name="FindingResource">the finding's <c>resource</c> when the unused actions came as a finding.</param>
    public sealed record Inputs(PolicyDocument Policy, ActionCatalog Catalog, ActionSet Unused, List<string> IgnoredUnused,
        string? FindingResource = null);

    public static Inputs Load(string policyFile, string unusedFile, string catalogFile, bool ignoreUnknownUnused)
    {
        AtMostOneStandardInput(("--policy", policyFile), ("--unused", unusedFile), ("--catalog", catalogFile));
        var catalog = ActionCatalog.Load(catalogFile);
        var policy = PolicyDocument.Load(policyFile);
        Warn(policy);
        var root = JsonInput.ReadFile(unusedFile);
        var unused = UnusedActions.Read(root, JsonInput.NameOf(unusedFile), catalog, ignoreUnknownUnused, out var ignored);
        return new Inputs(policy, catalog, unused, ignored, UnusedActions.FindingResource(root));
    }

    /// <summary>Standard input (<c>-</c>) can be read once: a second option naming it would read nothing.</summary>
    public static void AtMostOneStandardInput(params (string Option, string Path)[] inputs)
    {
        var fromStdin = inputs.Where(i => i.Path == JsonInput.StandardInputPath).Select(i => i.Option).ToList();
        if (fromStdin.Count > 1)
        {
            throw new InputException(JsonInput.StandardInputName, string.Join(", ", fromStdin),
                "standard input can be read by one option only; give the others as files");
        }
    }
}
