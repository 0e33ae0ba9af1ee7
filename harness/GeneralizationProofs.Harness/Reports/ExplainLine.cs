namespace GeneralizationProofs.Harness.Reports;

/// <summary>What an explanation line says, so each writer (plain text, terminal colour, HTML) can mark it alike.</summary>
public enum ExplainKind { Heading, Plain, Unsafe, Safe, Emitted, Note }

/// <summary>One line of an explanation: its kind, its indent (trie depth) and its text, without any markup.</summary>
public sealed record ExplainLine(ExplainKind Kind, int Indent, string Text);
