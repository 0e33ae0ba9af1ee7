namespace GeneralizationProofs.Harness.Reports;

/// <summary>One line of an explanation: its kind, its indent (trie depth) and its text, without any markup.</summary>
public sealed record ExplainLine(ExplainKind Kind, int Indent, string Text);
