namespace GeneralizationProofs.Policy;

/// <summary>Where a policy is attached decides its size limit (spec §6).</summary>
public enum PolicyType { Managed, InlineUser, InlineGroup, InlineRole }
