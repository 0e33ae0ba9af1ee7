namespace GeneralizationProofs.Harness.Compare;

/// <summary>How two refinements relate over all strings: left ⊂ right is <see cref="RightWider"/>.</summary>
public enum Relation { Equal, RightWider, LeftWider, Incomparable, Unknown }
