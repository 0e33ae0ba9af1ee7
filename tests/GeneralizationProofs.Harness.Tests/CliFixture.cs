using System.Text.Json.Nodes;

namespace GeneralizationProofs.Tests;

/// <summary>A temporary folder with small, valid inputs for the CLI tests (a catalog of a few real S3 and IAM names).</summary>
public sealed class CliFixture : IDisposable
{
    public static readonly string[] S3 =
    [
        "GetObject", "GetObjectAcl", "GetObjectTagging", "GetBucketAcl", "GetBucketPolicy", "GetBucketLocation",
        "PutObject", "PutObjectAcl", "PutBucketPolicy", "ListBucket", "ListAllMyBuckets", "DeleteObject",
    ];

    public static readonly string[] Iam = ["GetRole", "GetUser", "ListRoles", "PassRole", "CreateRole"];

    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("genproof-cli-");

    public CliFixture()
    {
        Catalog = Write("catalog.json", CatalogJson(S3, Iam));
        Unused = Write("unused.json", """[{"serviceNamespace": "s3", "actions": ["GetBucketAcl", "PutObjectAcl"]}]""");
        Policy = Write("policy.json", PolicyJson("s3:Get*", "s3:Put*", "iam:Get*"));
        Refined = Path.Combine(Dir, "refined.json");
        var refine = CliRunner.InProcess("refine", "--policy", Policy, "--unused", Unused, "--catalog", Catalog, "--out", Refined);
        if (refine.Code != 0)
        {
            throw new InvalidOperationException($"fixture refine failed: {refine.Err}");
        }
    }

    public string Dir => _dir.FullName;
    public string Catalog { get; }
    public string Unused { get; }
    public string Policy { get; }
    public string Refined { get; }

    /// <summary>Writes the text as UTF-8; a lone surrogate becomes U+FFFD (hostile bytes go through <see cref="WriteBytes"/>).</summary>
    public string Write(string name, string text) => WriteBytes(name, new System.Text.UTF8Encoding(false, false).GetBytes(text));

    public string WriteBytes(string name, byte[] bytes)
    {
        var path = Path.Combine(Dir, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public static string CatalogJson(IEnumerable<string> s3, IEnumerable<string> iam) => new JsonObject
    {
        ["source"] = "test",
        ["date"] = "test",
        ["services"] = new JsonObject
        {
            ["s3"] = new JsonArray(s3.Select(a => (JsonNode?)JsonValue.Create(a)).ToArray()),
            ["iam"] = new JsonArray(iam.Select(a => (JsonNode?)JsonValue.Create(a)).ToArray()),
        },
    }.ToJsonString();

    /// <summary>One Allow statement with the entries, built as nodes so any entry text stays one JSON string.</summary>
    public static string PolicyJson(params string[] actions) => new JsonObject
    {
        ["Version"] = "2012-10-17",
        ["Statement"] = new JsonArray(new JsonObject
        {
            ["Effect"] = "Allow",
            ["Action"] = new JsonArray(actions.Select(a => (JsonNode?)JsonValue.Create(a)).ToArray()),
            ["Resource"] = "*",
        }),
    }.ToJsonString();

    public void Dispose() => _dir.Delete(recursive: true);
}
