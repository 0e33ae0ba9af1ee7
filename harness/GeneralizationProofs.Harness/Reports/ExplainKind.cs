namespace GeneralizationProofs.Harness.Reports;

/// <summary>What an explanation line says, so each writer (plain text, terminal colour, HTML) can mark it alike.</summary>
public enum ExplainKind { Heading, Plain, Unsafe, Safe, Emitted, Note }
