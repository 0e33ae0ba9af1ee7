using System.Text.Json;
using System.Text.Json.Nodes;
using GeneralizationProofs.Generalization;
using GeneralizationProofs.Policy;

namespace GeneralizationProofs.Harness;

/// <summary>
/// An example under <c>examples/</c>: a folder with <c>policy.json</c>, <c>unused.json</c> (the analyzer's list),
/// <c>case.json</c> (<c>{"catalog", "strategy", "description"}</c>) and <c>expected.json</c>, the refined policy as
/// <c>genproof refine --format policy</c> prints it. The catalog is a file in the folder, or
/// <c>shared:RELATIVE</c> for one in <c>../shared</c> (real catalogs stay there, never copied into the repository).
/// </summary>
public sealed record ExampleCase(string Name, string Folder, string Catalog, string Strategy, string Description)
{
    public const string SharedPrefix = "shared:";
    public const string CaseFileName = "case.json";

    /// <summary>The acceptance example of spec §1, which <c>genproof demo</c> runs.</summary>
    public const string Acceptance = "my-role";

    public string PolicyFile => Path.Combine(Folder, "policy.json");
    public string UnusedFile => Path.Combine(Folder, "unused.json");
    public string ExpectedFile => Path.Combine(Folder, "expected.json");

    /// <summary>The catalog's path inside <c>../shared</c> when the case names a shared one, else null.</summary>
    public string? SharedCatalog => Catalog.StartsWith(SharedPrefix, StringComparison.Ordinal) ? Catalog[SharedPrefix.Length..] : null;

    /// <summary>The catalog file: in the case's folder, or in <c>../shared</c> (bad input when that is missing).</summary>
    public string CatalogFile => SharedCatalog is { } shared ? SharedData.Require(shared) : Path.Combine(Folder, Catalog);

    public IGeneralizer Generalizer => Strategies.Find(Strategy)!;

    public PolicyDocument LoadPolicy() => PolicyDocument.Load(PolicyFile);

    /// <summary>The <c>examples/</c> folder of the repository.</summary>
    public static string ExamplesFolder => RepositoryRoot.Require("examples");

    /// <summary>A case by its name relative to <c>examples/</c>: <c>my-role</c>, <c>golden/describe-volume-trap</c>.</summary>
    public static ExampleCase Named(string name) => Load(Path.Combine(ExamplesFolder, name), name);

    /// <summary>Every case under <c>examples/</c> (the folders with a <c>case.json</c>), by name, in ordinal order.</summary>
    public static IReadOnlyList<string> Names()
    {
        var root = ExamplesFolder;
        return Directory.EnumerateFiles(root, CaseFileName, SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, Path.GetDirectoryName(f)!).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    public static ExampleCase Load(string folder, string name)
    {
        var file = Path.Combine(folder, CaseFileName);
        if (JsonInput.ReadFile(file) is not JsonObject description)
        {
            throw new InputException(file, "$", "expected {\"catalog\", \"strategy\", \"description\"}");
        }
        var strategy = Text(description, "strategy", file);
        if (Strategies.Find(strategy) is null)
        {
            throw new InputException(file, "$.strategy", $"unknown strategy {InputException.Shown(strategy)}; known: {Strategies.Names}");
        }
        return new ExampleCase(name, folder, Text(description, "catalog", file), strategy, Text(description, "description", file));
    }

    private static string Text(JsonObject description, string key, string file) =>
        description[key] is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>() is { Length: > 0 } text
            ? text
            : throw new InputException(file, "$." + key, "missing or not a non-empty string");
}
