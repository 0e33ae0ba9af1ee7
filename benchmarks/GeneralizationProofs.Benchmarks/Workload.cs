using GeneralizationProofs.Catalog;
using GeneralizationProofs.Generalization;
using GeneralizationProofs.Harness;
using GeneralizationProofs.Patterns;
using GeneralizationProofs.Policy;

namespace GeneralizationProofs.Benchmarks;

/// <summary>
/// The seeded inputs every benchmark shares: one Allow statement over a scope of the June-2024 catalog, with a fixed
/// share of its actions unused. Scopes: one service, ten services, the whole catalog.
/// </summary>
public sealed class Workload
{
    public const string CatalogFile = "catalogs/aws-2024-06-16.json";

    public static readonly string[] TenServices = ["s3", "ec2", "iam", "lambda", "dynamodb", "rds", "sqs", "sns", "cloudwatch", "kms"];

    public static IEnumerable<string> Scopes => ["one-service", "ten-services", "whole-catalog"];

    private static readonly Lazy<ActionCatalog> SharedCatalog = new(() => ActionCatalog.Load(SharedData.Require(CatalogFile)));

    public Workload(string scope, double unusedRate, int seed = 1)
    {
        Catalog = SharedCatalog.Value;
        Entries = scope switch
        {
            "one-service" => [new ActionPattern("s3:*")],
            "ten-services" => TenServices.Select(s => new ActionPattern(s + ":*")).ToArray(),
            "whole-catalog" => [new ActionPattern("*")],
            _ => throw new ArgumentException($"unknown scope '{scope}'", nameof(scope)),
        };
        var random = new Random(seed);
        var matched = Entries.SelectMany(Catalog.Matching).Distinct().Order(StringComparer.Ordinal);
        Unused = new ActionSet(matched.Where(_ => random.NextDouble() < unusedRate).ToList());
        Context = new GeneralizationContext(Catalog, Unused);
        var quoted = string.Join(", ", Entries.Select(e => $"\"{e.Text}\""));
        Policy = PolicyDocument.FromText(
            $$"""{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": [{{quoted}}], "Resource": "*"}]}""",
            $"benchmark {scope}");
    }

    public ActionCatalog Catalog { get; }
    public ActionPattern[] Entries { get; }
    public ActionSet Unused { get; }
    public GeneralizationContext Context { get; }
    public PolicyDocument Policy { get; }

    /// <summary>Every entry generalized by one strategy; the pattern count keeps the work observable.</summary>
    public int Generalize(IGeneralizer strategy)
    {
        var patterns = 0;
        foreach (var entry in Entries)
        {
            patterns += strategy.Generalize(entry, Context).Count;
        }
        return patterns;
    }
}
