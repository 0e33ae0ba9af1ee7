namespace GeneralizationProofs.Verification;

public enum AccountStatus { Unchanged, Refined, Removed, Problem, NotChecked }
