namespace GeneralizationProofs.Refinement;

public enum StatementOutcome { Unchanged, Refined, Removed, DenyKept, NotActionKept }
