using System.Text;
using System.Text.RegularExpressions;
using GeneralizationProofs.Cli;
using GeneralizationProofs.Harness;
using Xunit;
using YamlDotNet.RepresentationModel;

namespace GeneralizationProofs.Tests;

/// <summary>
/// deploy/ cannot run here (no GitHub, cluster or Slurm), so this checks what can be: every YAML file parses, every
/// <c>genproof …</c> command line in the definitions is one the CLI's own parser accepts, its <c>--shard</c> is valid,
/// and the number of shards agrees with the matrix, the Indexed Job and the Slurm array.
/// </summary>
public sealed partial class DeployTests
{
    private static readonly string Deploy = Path.Combine(RepositoryRoot(), "deploy");

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "GeneralizationProofs.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("the repository root (GeneralizationProofs.sln) is not above the test binaries");
    }

    private static YamlMappingNode Yaml(string relative)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(Path.Combine(Deploy, relative))));
        return Assert.IsType<YamlMappingNode>(Assert.Single(stream.Documents).RootNode);
    }

    /// <summary>Every scalar under a key, anywhere in the tree.</summary>
    private static IEnumerable<(string Key, YamlNode Value)> Entries(YamlNode node) => node switch
    {
        YamlMappingNode map => map.Children.SelectMany(c => Entries(c.Value).Prepend(((string)c.Key!, c.Value))),
        YamlSequenceNode list => list.Children.SelectMany(Entries),
        _ => [],
    };

    /// <summary>The genproof command lines of a shell text, continuation lines joined.</summary>
    private static IEnumerable<string> CommandLines(string shell) =>
        shell.Replace("\\\n", " ").Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("genproof ", StringComparison.Ordinal));

    /// <summary>Shell words, with variables standing for what a task would have (a shard index of 0, a path).</summary>
    private static string[] Words(string line)
    {
        var expanded = Variable().Replace(line,
            m => m.Groups["name"].Value is "JOB_COMPLETION_INDEX" or "SLURM_ARRAY_TASK_ID" ? "0" : "some/path");
        var words = new List<string>();
        var word = new StringBuilder();
        char? quote = null;
        var inWord = false;
        foreach (var c in expanded)
        {
            if (quote is not null)
            {
                if (c == quote)
                {
                    quote = null;
                }
                else
                {
                    word.Append(c);
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
                inWord = true;
            }
            else if (!char.IsWhiteSpace(c))
            {
                word.Append(c);
                inWord = true;
            }
            else if (inWord)
            {
                words.Add(word.ToString());
                word.Clear();
                inWord = false;
            }
        }
        Assert.Null(quote);
        if (inWord)
        {
            words.Add(word.ToString());
        }
        return words.ToArray();
    }

    [GeneratedRegex(@"\$\{?(?<name>[A-Z_][A-Z0-9_]*)\}?")]
    private static partial Regex Variable();

    /// <summary>Parses a genproof command line with the CLI itself and returns its shard count (0 without --shard).</summary>
    private static int Accepted(string[] argv, string where)
    {
        Assert.Equal("genproof", argv[0]);
        var result = CliApp.Root().Parse(argv[1..]);
        Assert.True(result.Errors.Count == 0,
            $"{where}: {string.Join(" ", argv)}: {string.Join("; ", result.Errors.Select(e => e.Message))}");
        var i = Array.IndexOf(argv, "--shard");
        return i < 0 ? 0 : Shard.Parse(argv[i + 1], v => v == "JOB_COMPLETION_INDEX" ? "0" : null).Shard.Count;
    }

    [Fact]
    public void TheGitHubWorkflowParsesItsCommandsAreAcceptedAndItsMatrixIsTheShardCount()
    {
        var workflow = Yaml("github-actions/genproof-corpus.yml");
        var matrix = ((YamlSequenceNode)workflow["jobs"]["shard"]["strategy"]["matrix"]["shard"]).Children.Select(n => (string)n!).ToList();
        var runs = Entries(workflow).Where(e => e.Key == "run").SelectMany(e => CommandLines((string)e.Value!)).ToList();
        Assert.Contains(runs, r => r.StartsWith("genproof corpus"));
        Assert.Contains(runs, r => r.StartsWith("genproof merge"));
        foreach (var run in runs)
        {
            foreach (var shard in matrix)
            {
                var argv = Words(run.Replace("${{ matrix.shard }}", shard));
                var n = Accepted(argv, "github-actions");
                Assert.True(n == 0 || n == matrix.Count, $"--shard …/{n} but the matrix has {matrix.Count} shards");
                if (argv[1] == "merge")
                {
                    Assert.Equal(Enumerable.Range(0, matrix.Count).Select(i => $"shard-{i}"), argv[2..^2]);
                }
            }
        }
        Assert.Equal(Enumerable.Range(0, matrix.Count).Select(i => i.ToString()), matrix);
        Assert.Contains(Entries(workflow), e => e.Key == "uses" && ((string)e.Value!).StartsWith("github/codeql-action/upload-sarif"));
    }

    [Fact]
    public void TheKubernetesJobsParseAreIndexedAndRunAcceptedCommands()
    {
        var job = Yaml("kubernetes/genproof-corpus-job.yaml");
        Assert.Equal("Indexed", (string)job["spec"]["completionMode"]!);
        var completions = int.Parse((string)job["spec"]["completions"]!);
        var commands = new List<string[]>();
        foreach (var file in new[] { "kubernetes/genproof-corpus-job.yaml", "kubernetes/genproof-merge-job.yaml" })
        {
            foreach (var container in (YamlSequenceNode)Yaml(file)["spec"]["template"]["spec"]["containers"])
            {
                var command = ((YamlSequenceNode)container["command"]).Select(n => (string)n!).ToList();
                var args = ((YamlSequenceNode)container["args"]).Select(n => (string)n!).ToList();
                if (command.SequenceEqual(["sh", "-c"]))
                {
                    commands.AddRange(CommandLines(args[0]).Select(Words));
                }
                else
                {
                    Assert.Equal(["genproof"], command);
                    commands.Add(["genproof", .. args]);
                }
            }
        }
        Assert.Equal(2, commands.Count);
        Assert.All(commands, c => Assert.True(Accepted(c, "kubernetes") is 0 || Accepted(c, "kubernetes") == completions));
        Assert.Contains("auto/" + completions, commands[0]);
        Assert.Equal(Enumerable.Range(0, completions).Select(i => $"/reports/shard-{i}"), commands[1][2..^2]);
        var dockerfile = File.ReadAllText(Path.Combine(Deploy, "kubernetes", "Dockerfile"));
        Assert.Contains("libz3-4", dockerfile);
        Assert.Contains("mcr.microsoft.com/dotnet/runtime:10.0", dockerfile);
        Assert.Contains("ENTRYPOINT [\"genproof\"]", dockerfile);
    }

    [Fact]
    public void TheSlurmScriptsRunAcceptedCommandsOverAnArrayOfTheShardCount()
    {
        var corpus = File.ReadAllText(Path.Combine(Deploy, "slurm", "genproof-corpus.sbatch"));
        var array = ArrayRange().Match(corpus);
        Assert.True(array.Success, "#SBATCH --array=0-K");
        Assert.Equal("0", array.Groups["from"].Value);
        var merge = File.ReadAllText(Path.Combine(Deploy, "slurm", "genproof-merge.sbatch"));
        var lines = CommandLines(corpus).Concat(CommandLines(merge)).ToList();
        Assert.Equal(2, lines.Count);
        var n = Accepted(Words(lines[0]), "slurm");
        Assert.Equal(int.Parse(array.Groups["to"].Value) + 1, n);
        Assert.Contains("auto/" + n, lines[0]);
        Assert.Equal(0, Accepted(Words(lines[1]), "slurm"));
    }

    [GeneratedRegex(@"^#SBATCH --array=(?<from>\d+)-(?<to>\d+)\s*$", RegexOptions.Multiline)]
    private static partial Regex ArrayRange();

    [Fact]
    public void ABrokenCommandLineIsCaught()
    {
        var result = CliApp.Root().Parse(["corpus", "--catalog", "c.json", "--shrad", "0/4"]);
        Assert.NotEmpty(result.Errors);
    }
}
