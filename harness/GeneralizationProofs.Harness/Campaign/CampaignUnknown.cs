namespace GeneralizationProofs.Harness.Campaign;

/// <summary>The first case on which a property was unknown (an engine timed out or the engines disagreed), and why.</summary>
public sealed record CampaignUnknown(string Property, int CaseIndex, string Message);
