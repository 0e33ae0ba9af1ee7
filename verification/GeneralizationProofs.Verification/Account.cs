namespace GeneralizationProofs.Verification;

/// <summary>
/// One line of the whole-document verdict (spec §4): a statement or a document-level key, what became of it, and for a
/// statement the unused actions it still grants (found by the matcher; the sound property is the solver's verdict).
/// </summary>
public sealed record Account(string Subject, AccountStatus Status, string Detail, IReadOnlyList<string> StillGranted);
