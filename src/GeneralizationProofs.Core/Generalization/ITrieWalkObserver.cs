namespace GeneralizationProofs.Generalization;

/// <summary>
/// Watches the trie walk of <see cref="TriePrefixGeneralizer"/>, to draw it. Plain generalization passes no observer
/// and pays nothing for pictures: without one, no decision is built and no kept action under an unsafe node counted.
/// </summary>
public interface ITrieWalkObserver
{
    /// <summary>The walk starts on this trie: the entry ends in <c>*</c> and an unused action is under it.</summary>
    void Walking(TokenTrie trie);

    /// <summary>Once for every node the walk decides: the root, and every child of a node it descends into.</summary>
    void Decided(TokenTrie.Node node, NodeDecision decision);
}
