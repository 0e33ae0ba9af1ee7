namespace GeneralizationProofs.Refinement;

public enum EntryOutcome { Kept, Dropped, Replaced }
