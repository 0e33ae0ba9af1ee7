namespace GeneralizationProofs.Verification.Solver;

public enum AnswerKind { Sat, Unsat, Unknown }
