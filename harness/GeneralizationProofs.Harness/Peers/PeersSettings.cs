namespace GeneralizationProofs.Harness.Peers;

/// <summary>How the peers are judged: campaign size and seed, and the corpus sample.</summary>
public sealed record PeersSettings(int Cases, int Seed, int MaxActions, string CatalogFile, double UnusedRate, int Sample,
    IReadOnlyList<string> PolicyFolders, double StrategyTimeoutSeconds = 30);
