namespace GeneralizationProofs.Verification.Solver;

/// <summary>The Z3 library is missing or unusable: the message says how to install it.</summary>
public sealed class SolverUnavailableException(string message) : Exception(message);
