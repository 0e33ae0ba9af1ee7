namespace GeneralizationProofs.Harness.Campaign;

/// <summary>One statement of a generated policy, with the shapes IAM allows.</summary>
public sealed record RandomStatement(
    IReadOnlyList<string> Actions,
    bool Deny = false,
    bool NotAction = false,
    bool ActionAsString = false,
    bool Condition = false,
    bool UnknownKey = false);
