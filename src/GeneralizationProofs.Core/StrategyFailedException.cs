namespace GeneralizationProofs;

/// <summary>
/// A strategy failed to answer a request (an external process crashed, timed out, answered malformed JSON or an
/// error). Never a proof: the verbs exit 2, the corpus and the campaigns count the request as unknown and go on.
/// </summary>
public sealed class StrategyFailedException(string strategy, string request, string problem)
    : Exception($"strategy '{strategy}' failed on {request}: {problem}")
{
    public string Strategy { get; } = strategy;
    public string Request { get; } = request;
    public string Problem { get; } = problem;
}
