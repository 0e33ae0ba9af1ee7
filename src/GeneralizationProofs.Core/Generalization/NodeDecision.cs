namespace GeneralizationProofs.Generalization;

/// <summary>
/// What the trie walk decided at one node: whether it is safe, how many catalog actions start with its prefix and how
/// many of them are kept, and the pattern the node stands for (null for none). A node's pattern may still not reach
/// the output: the verb-noun strategy descends below a safe node that is too coarse, and an emitted pattern that
/// another one covers is removed.
/// </summary>
public sealed record NodeDecision(bool Safe, int CatalogActions, int KeptActions, string? Pattern);
