using GeneralizationProofs.Generalization;
using GeneralizationProofs.Harness.Campaign;
using GeneralizationProofs.Harness.Corpus;

namespace GeneralizationProofs.Harness.Peers;

/// <summary>One peer's findings: one campaign per claimed property, and the corpus sample's proofs.</summary>
public sealed record PeerFindings(string Peer, IReadOnlyList<(PropertyKind Claim, CampaignResult Result)> Campaigns,
    IReadOnlyList<PolicyProof> Corpus, double CorpusSeconds);
