using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using GeneralizationProofs.Generalization;
using GeneralizationProofs.Policy;
using GeneralizationProofs.Refinement;

namespace GeneralizationProofs.Harness.External;

/// <summary>
/// <c>--strategy 'exec:COMMAND ARGS…'</c>: a minimizer in any language, behind the newline-delimited JSON protocol of
/// <c>adapters/README.md</c>. The process is started once and serves one request line with one response line, in
/// order; its stderr is the harness's. A crash, a missing or malformed line, an <c>{"error"}</c> answer or an answer
/// past the timeout fails that request only (<see cref="StrategyFailedException"/>, never a proof): the process is
/// killed and the next request starts a new one. Requests are serialized, so corpus workers may share one instance.
/// </summary>
public sealed class ExternalStrategy : IPolicyStrategy, IDisposable
{
    public const string Prefix = "exec:";
    public const PropertyKind DefaultClaims = PropertyKind.Sound | PropertyKind.NoEscalation | PropertyKind.Complete;

    /// <summary>How the problem of a request that ran out of time begins (the study counts time-outs apart).</summary>
    public const string TimeoutProblem = "no response within";

    private readonly List<string> _command;
    private readonly TimeSpan _timeout;
    private readonly CatalogFiles _catalogs = new();
    private readonly Lock _gate = new();
    private Process? _process;
    private int _requests;

    public ExternalStrategy(string command, PropertyKind claims = DefaultClaims, TimeSpan? timeout = null)
    {
        _command = CommandLine.Split(command);
        _timeout = timeout ?? TimeSpan.FromSeconds(30);
        Name = Prefix + command;
        Claims = claims;
    }

    public string Name { get; }
    public string Description => $"external minimizer `{string.Join(' ', _command)}` over the NDJSON protocol";
    public PropertyKind Claims { get; }

    /// <summary>How many times a process was started (1 when nothing went wrong); tests and measurements read it.</summary>
    public int Starts { get; private set; }

    // An external strategy cannot state M1's granularity; the CLI refuses to let it claim maximal.
    public string? CoarserPrefix(string literalPrefix) => null;

    public PolicyRefinement Refine(PolicyDocument policy, GeneralizationContext context, IReadOnlyList<string>? ignoredUnused = null)
    {
        lock (_gate)
        {
            var label = $"request {++_requests} (policy {policy.Name})";
            var request = new JsonObject
            {
                ["policy"] = policy.Document.DeepClone(),
                ["unused"] = new JsonArray(context.Unused.Actions.Select(a => (JsonNode)JsonValue.Create(a)!).ToArray()),
                ["catalog"] = _catalogs.PathOf(context.Catalog),
            };
            var answer = Exchange(request.ToJsonString(), label);
            JsonNode? response;
            try
            {
                response = JsonNode.Parse(answer);
            }
            catch (JsonException e)
            {
                throw Fail(label, $"malformed response line ({e.Message}): {Clip(answer)}");
            }
            if (response is JsonObject { } obj && obj["error"] is { } error)
            {
                throw new StrategyFailedException(Name, label, $"answered an error: {Clip(error.ToJsonString())}");
            }
            if (response is not JsonObject { } o || o["policy"] is not JsonObject refined)
            {
                throw Fail(label, $"the response has no \"policy\" object: {Clip(answer)}", restart: false);
            }
            try
            {
                return ReturnedRefinement.Build(policy, (JsonObject)refined.DeepClone(), Name, ignoredUnused);
            }
            catch (InputException e)
            {
                throw new StrategyFailedException(Name, label, $"the returned policy is not a policy: {e.Problem} at {e.Place}");
            }
        }
    }

    /// <summary>One line out, one line back within the timeout; any failure kills the process for a clean restart.</summary>
    private string Exchange(string line, string label)
    {
        var process = _process is { HasExited: false } running ? running : Start(label);
        try
        {
            process.StandardInput.Write(line);
            process.StandardInput.Write('\n');
            process.StandardInput.Flush();
        }
        catch (IOException e)
        {
            throw Fail(label, $"could not write the request ({e.Message}); {ExitOf(process)}");
        }
        var read = process.StandardOutput.ReadLineAsync();
        if (!read.Wait(_timeout))
        {
            throw Fail(label, $"{TimeoutProblem} {_timeout.TotalSeconds:0.###} s (--strategy-timeout)");
        }
        return read.Result ?? throw Fail(label, $"no response line: the process closed its output; {ExitOf(process)}");
    }

    /// <summary>Whether a failed request ran out of time (rather than crashed or answered an error).</summary>
    public static bool IsTimeout(StrategyFailedException failure) => failure.Problem.StartsWith(TimeoutProblem, StringComparison.Ordinal);

    private Process Start(string label)
    {
        Kill();
        var info = new ProcessStartInfo(_command[0])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = false, // passed through: the strategy's diagnostics reach the user as they are
            UseShellExecute = false,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = new UTF8Encoding(false),
        };
        foreach (var argument in _command.Skip(1))
        {
            info.ArgumentList.Add(argument);
        }
        try
        {
            _process = Process.Start(info) ?? throw new InvalidOperationException("no process");
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            throw new StrategyFailedException(Name, label, $"could not start `{_command[0]}`: {e.Message}");
        }
        Starts++;
        return _process;
    }

    private StrategyFailedException Fail(string label, string problem, bool restart = true)
    {
        if (restart)
        {
            Kill();
        }
        return new StrategyFailedException(Name, label, problem);
    }

    private static string ExitOf(Process process) =>
        process.WaitForExit(1000) ? $"the process exited with code {process.ExitCode}" : "the process is still running";

    private static string Clip(string text) => text.Length <= 200 ? text : text[..200] + "…";

    private void Kill()
    {
        if (_process is null)
        {
            return;
        }
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(2000);
            }
        }
        catch (InvalidOperationException)
        {
            // It exited between the test and the kill: nothing left to end.
        }
        _process.Dispose();
        _process = null;
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_process is { HasExited: false } process)
            {
                // Closing stdin is the protocol's "no more requests"; a process that does not end then is killed.
                try
                {
                    process.StandardInput.Close();
                }
                catch (IOException)
                {
                }
                process.WaitForExit(2000);
            }
            Kill();
            _catalogs.Dispose();
        }
    }
}
