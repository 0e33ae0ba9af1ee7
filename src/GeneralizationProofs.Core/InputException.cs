namespace GeneralizationProofs;

/// <summary>
/// Bad input: names the file and the place inside it (a JSON path, or line and column). The CLI prints
/// <see cref="Exception.Message"/> and exits 2; nothing else in the harness throws this type.
/// </summary>
public sealed class InputException(string file, string place, string problem)
    : Exception($"{file}: {place}: {problem}")
{
    public string File { get; } = file;
    public string Place { get; } = place;
    public string Problem { get; } = problem;
}
