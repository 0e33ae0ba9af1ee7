using GeneralizationProofs.Catalog;
using GeneralizationProofs.Generalization;
using GeneralizationProofs.Harness.Corpus;
using GeneralizationProofs.Verification.Solver;

namespace GeneralizationProofs.Harness.Papers;

/// <summary>
/// What <c>genproof paper</c> runs: every <see cref="Sample"/>th policy of both shared folders proved against
/// <see cref="Catalog"/>, <see cref="Cases"/> campaign cases per real strategy (seed <see cref="Seed"/>), and the
/// strategy study's tables read from <see cref="Results"/>. <see cref="Command"/> is the line printed under each table.
/// </summary>
/// <param name="Paper">the paper file as the user named it (printed as given, so the command carries no machine path).</param>
/// <param name="CatalogName">the catalog as the user named it, null for the default.</param>
public sealed record PaperSettings(string Paper, string Catalog, string? CatalogName, int Sample, int Cases, int Seed, string Results,
    int Jobs, uint TimeoutMs = 10_000)
{
    public const int DefaultSample = 40;
    public const int DefaultCases = 50;
    public const int DefaultSeed = 1;
    public const string DefaultCatalog = "catalogs/aws-2026-08-21.json";

    /// <summary>The unused rate of the corpus table (the rate the README's corpus runs use).</summary>
    public const double UnusedRate = 0.3;

    /// <summary>Mutants are tried on at most this many cases each; one never refuted in them is a row that says so.</summary>
    public const int MutantCases = 200;

    /// <summary>How the corpus and scaling tables prove: the reference at <see cref="UnusedRate"/>, both engines.</summary>
    public CorpusProof CorpusProver(ActionCatalog catalog) =>
        new(catalog, TriePrefixGeneralizer.Reference(), UnusedRate, Seed, TimeoutMs, EngineChoice.Both);

    /// <summary>The command that regenerates the blocks of one group of tables.</summary>
    public string Command(string group) =>
        $"genproof paper --out {Paper} --sample {Sample} --cases {Cases} --seed {Seed}"
        + (CatalogName is null ? "" : $" --catalog {CatalogName}") + $" --only {group}";
}
