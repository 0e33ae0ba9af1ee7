namespace GeneralizationProofs.Harness.Campaign;

/// <summary>
/// A property that failed: the case it first failed on (replayable by seed and index) and the smallest case the
/// shrinker reached that still fails the same property, with that case's message.
/// </summary>
public sealed record CampaignFailure(string Property, int Seed, int CaseIndex, RandomCase Found, RandomCase Smallest, string Message,
    int ShrinkSteps);
