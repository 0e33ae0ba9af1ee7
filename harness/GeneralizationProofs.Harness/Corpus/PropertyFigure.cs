using GeneralizationProofs.Verification;

namespace GeneralizationProofs.Harness.Corpus;

/// <summary>One property's figures on one policy of a corpus run.</summary>
public sealed record PropertyFigure(string Property, Verdict Verdict, int Queries, double Milliseconds);
