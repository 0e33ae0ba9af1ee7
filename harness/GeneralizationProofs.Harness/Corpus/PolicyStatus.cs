using GeneralizationProofs.Verification;

namespace GeneralizationProofs.Harness.Corpus;

/// <summary>A policy's verdict as reports count it: the three verdicts, and the policies that could not be read (not proved).</summary>
public enum PolicyStatus { Proved = Verdict.Proved, Refuted = Verdict.Refuted, Unknown = Verdict.Unknown, Unreadable }
