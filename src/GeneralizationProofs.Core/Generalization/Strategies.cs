namespace GeneralizationProofs.Generalization;

/// <summary>The real strategies <c>--strategy</c> can name. The deliberately broken mutants live in the harness.</summary>
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
        new CompactGeneralizer(),
    ];

    public static IGeneralizer? Find(string name) => All.FirstOrDefault(s => s.Name == name);

    public static string Names => string.Join(", ", All.Select(s => s.Name));
}
