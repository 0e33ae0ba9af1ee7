using System.Diagnostics;
using System.Globalization;
using System.Text;
using GeneralizationProofs.Catalog;
using GeneralizationProofs.Generalization;
using GeneralizationProofs.Harness.Campaign;
using GeneralizationProofs.Harness.Corpus;
using GeneralizationProofs.Harness.External;
using GeneralizationProofs.Harness.Study;
using GeneralizationProofs.Verification.Solver;

namespace GeneralizationProofs.Harness.Peers;

/// <summary>
/// The defects the harness finds in external minimizers (issue 14), written for <c>papers/peers.md</c> by
/// <c>genproof peers-report</c>. Each claimed property gets its own campaign (the peer claiming that property alone),
/// because a campaign shrinks only the first failure of a property, and a peer that escapes its original would hide
/// every completeness failure behind an escalation; so the lost kept action is found on its own, as is the lower-cased
/// prefix that escapes the original. Counterexamples are the campaign's, replayed through the matcher before they are
/// reported (<see cref="CheckContext"/>), each with the command that replays it.
/// </summary>
public static class PeersReport
{
    /// <summary>The claims an exec: strategy makes by default, campaigned one at a time.</summary>
    public static readonly PropertyKind[] Claims = [PropertyKind.Sound, PropertyKind.NoEscalation, PropertyKind.Complete];

    /// <summary>The tables this report owns in a paper; bench-report leaves them alone.</summary>
    public static readonly string[] TableNames = ["peer-campaigns", "peer-counterexamples", "peer-corpus"];

    public static PeerFindings Run(string peer, PeersSettings settings, Action<string> log)
    {
        var campaigns = new List<(PropertyKind, CampaignResult)>();
        foreach (var claim in Claims)
        {
            using var strategy = Strategy(peer, claim, settings);
            using var solver = Engines.Create(EngineChoice.Both);
            using var campaign = new PropertyCampaign(solver, settings.MaxActions);
            var result = campaign.Run(strategy, settings.Cases, settings.Seed, ["claims"]);
            log($"{peer}: {PropertyKinds.Name(claim)} campaign, {result.Tallies[0].Fails} refuted of {settings.Cases}, "
                + $"{result.Seconds:F0} s");
            campaigns.Add((claim, result));
        }
        using var corpusStrategy = Strategy(peer, ExternalStrategy.DefaultClaims, settings);
        var files = CorpusCase.Sample(CorpusCase.Files(settings.PolicyFolders), settings.Sample);
        var watch = Stopwatch.StartNew();
        var proofs = new CorpusProof(ActionCatalog.Load(settings.CatalogFile), corpusStrategy, settings.UnusedRate, settings.Seed)
            .Run(files, jobs: 2);
        log($"{peer}: corpus sample of {files.Count} policies, {watch.Elapsed.TotalSeconds:F0} s");
        return new PeerFindings(peer, campaigns, proofs, watch.Elapsed.TotalSeconds);
    }

    private static ExternalStrategy Strategy(string peer, PropertyKind claims, PeersSettings settings) =>
        new(peer[ExternalStrategy.Prefix.Length..], claims, TimeSpan.FromSeconds(settings.StrategyTimeoutSeconds));

    /// <summary>The report's blocks by name, Markdown, for the paper's <c>&lt;!-- results:NAME --&gt;</c> markers.</summary>
    public static Dictionary<string, string> Blocks(IReadOnlyList<PeerFindings> findings, PeersSettings settings) => new()
    {
        ["peer-campaigns"] = Campaigns(findings).Markdown(),
        ["peer-counterexamples"] = Counterexamples(findings, settings),
        ["peer-corpus"] = Corpus(findings, settings).Markdown(),
    };

    public static Table Campaigns(IReadOnlyList<PeerFindings> findings) => new("peer-campaigns",
        "Campaigns: one per claimed property, the peer claiming that property alone",
        ["peer", "property", "cases", "held", "refuted", "unknown", "seconds"],
        findings.SelectMany(f => f.Campaigns.Select(c => (IReadOnlyList<string>)[Short(f.Peer), PropertyKinds.Name(c.Claim),
            N(c.Result.Tallies[0].Cases), N(c.Result.Tallies[0].Holds), N(c.Result.Tallies[0].Fails), N(c.Result.Tallies[0].Unknown),
            c.Result.Seconds.ToString("F1", CultureInfo.InvariantCulture)])).ToList());

    public static Table Corpus(IReadOnlyList<PeerFindings> findings, PeersSettings settings) => new("peer-corpus",
        $"Corpus sample (every {settings.Sample}th policy, {settings.UnusedRate:P0} unused, seed {settings.Seed}, "
        + $"catalog {Path.GetFileName(settings.CatalogFile)}): the default claims proved",
        ["peer", "policies", "proved", "refuted", "unknown", "unreadable", "seconds"],
        findings.Select(f => (IReadOnlyList<string>)[Short(f.Peer), N(f.Corpus.Count),
            .. new[] { PolicyStatus.Proved, PolicyStatus.Refuted, PolicyStatus.Unknown, PolicyStatus.Unreadable }
                .Select(s => N(f.Corpus.Count(p => p.Status == s))),
            f.CorpusSeconds.ToString("F0", CultureInfo.InvariantCulture)]).ToList());

    /// <summary>Each failed campaign's smallest counterexample, its message and the command that replays it.</summary>
    public static string Counterexamples(IReadOnlyList<PeerFindings> findings, PeersSettings settings)
    {
        var sb = new StringBuilder();
        foreach (var finding in findings)
        {
            foreach (var (claim, result) in finding.Campaigns)
            {
                foreach (var failure in result.Failures)
                {
                    sb.Append($"**{Short(finding.Peer)}, {PropertyKinds.Name(claim)}** (case {failure.CaseIndex} of seed {failure.Seed}, ")
                        .Append($"shrunk in {failure.ShrinkSteps} steps):\n\n```text\n")
                        .Append(failure.Smallest.ToString()).Append(failure.Message.TrimEnd()).Append("\n```\n\n")
                        .Append($"replay: `genproof check --strategy '{finding.Peer}' --claims {PropertyKinds.Name(claim)} ")
                        .Append("--properties claims ")
                        .Append($"--seed {failure.Seed} --case {failure.CaseIndex} --max-actions {settings.MaxActions}`\n\n");
                }
            }
        }
        return sb.Length == 0 ? "No campaign refuted a claim.\n" : sb.ToString();
    }

    /// <summary>The adapter's file name, e.g. policy_sentry_adapter.py, for table rows.</summary>
    private static string Short(string peer) => Path.GetFileName(peer.Split(' ')[^1]);

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
