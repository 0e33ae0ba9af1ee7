namespace GeneralizationProofs.Generalization;

/// <summary>Every strategy <c>--strategy</c> can name: the real ones first, then the deliberately broken mutants.</summary>
public static class Strategies
{
    public const string DefaultName = "reference";

    public static IReadOnlyList<IGeneralizer> All { get; } =
    [
        TriePrefixGeneralizer.Reference(),
        TriePrefixGeneralizer.Character(),
        TriePrefixGeneralizer.Tightest(),
        new EnumerationGeneralizer(),
        TriePrefixGeneralizer.VerbNoun(),
        .. Mutants.All,
    ];

    /// <summary>The strategies meant to be right (every one but the mutants).</summary>
    public static IReadOnlyList<IGeneralizer> Real { get; } = All.Except(Mutants.All).ToList();

    public static IGeneralizer? Find(string name) => All.FirstOrDefault(s => s.Name == name);

    public static string Names => string.Join(", ", All.Select(s => s.Name));
}
