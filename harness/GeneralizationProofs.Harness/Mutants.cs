using GeneralizationProofs.Generalization;
using GeneralizationProofs.Patterns;

namespace GeneralizationProofs.Harness;

/// <summary>
/// Deliberately broken generalizers: the reference with one small bug each. They claim what the reference claims,
/// so the verifier must refute them; tests and <c>genproof check</c> use them to show the checks can fail.
/// Each changes the first place its bug applies to and leaves the rest of the reference's output alone.
/// </summary>
public static class Mutants
{
    private static readonly TriePrefixGeneralizer Reference = TriePrefixGeneralizer.Reference();

    public static IReadOnlyList<IGeneralizer> All { get; } =
    [
        new Mutant("mutant-drops-kept", "drops the first emitted literal (or pattern): loses kept actions (Complete)", (e, c, r) =>
        {
            var i = r.FindIndex(p => p != e.Text && new ActionPattern(p).IsLiteral);
            i = i >= 0 ? i : r.FindIndex(p => p != e.Text);
            if (i >= 0)
            {
                r.RemoveAt(i);
            }
        }),
        new Mutant("mutant-keeps-unused", "adds the first unused action the entry matches as a literal (Sound)", (e, c, r) =>
        {
            if (c.Catalog.Matching(e).FirstOrDefault(c.Unused.Contains) is { } unused)
            {
                r.Add(unused);
            }
        }),
        new Mutant("mutant-parent", "replaces the first emitted wildcard by its parent token prefix (Sound)", (e, c, r) =>
        {
            var i = r.FindIndex(p => p != e.Text && new ActionPattern(p).IsPrefixGlob);
            if (i >= 0 && Reference.CoarserPrefix(new ActionPattern(r[i]).LiteralPrefix) is { } parent)
            {
                r[i] = parent + "*";
            }
        }),
        new Mutant("mutant-escaping-literal", "turns the first emitted literal into a leading-wildcard pattern (NoEscalation)", (e, c, r) =>
        {
            var i = r.FindIndex(p => p != e.Text && new ActionPattern(p).IsLiteral);
            if (i >= 0)
            {
                r[i] = "*" + r[i];
            }
        }),
        new Mutant("mutant-redundant", "adds a kept action that an emitted wildcard already covers (NonRedundant)", (e, c, r) =>
        {
            var glob = r.FirstOrDefault(p => p != e.Text && new ActionPattern(p).IsPrefixGlob);
            if (glob is not null && c.Catalog.WithPrefix(new ActionPattern(glob).LiteralPrefix).ToArray().LastOrDefault() is { } covered)
            {
                r.Add(covered);
            }
        }),
        new Mutant("mutant-one-more", "splits the first emitted wildcard into its child-token wildcards (Maximal)", (e, c, r) =>
        {
            var i = r.FindIndex(p => p != e.Text && new ActionPattern(p).IsPrefixGlob);
            if (i < 0)
            {
                return;
            }
            var prefix = new ActionPattern(r[i]).LiteralPrefix;
            var children = new List<string>();
            foreach (var action in c.Catalog.WithPrefix(prefix))
            {
                var end = ActionTokenizer.TokenEnds(action).FirstOrDefault(x => x > prefix.Length);
                children.Add(end == 0 || end == prefix.Length ? action : prefix + action[prefix.Length..end] + "*");
            }
            r.RemoveAt(i);
            r.InsertRange(i, children.Distinct(AsciiCase.EqualityComparer));
        }),
        new Mutant("mutant-bare-literal",
            "character minimizer bug: a literal that case-folded prefixes other patterns hides them (Complete)", (e, c, r) =>
        {
            var literals = r.Where(p => new ActionPattern(p).IsLiteral).ToList();
            r.RemoveAll(p => literals.Any(l => !AsciiCase.Equal(l, p) && AsciiCase.StartsWith(new ActionPattern(p).LiteralPrefix, l)));
        }),
        new Mutant("mutant-catalog-prefix",
            "character minimizer bug: shortens wildcards while the catalog sees no difference (NoEscalation)", (e, c, r) =>
        {
            for (var i = 0; i < r.Count; i++)
            {
                var pattern = new ActionPattern(r[i]);
                if (!pattern.IsPrefixGlob)
                {
                    continue;
                }
                var prefix = pattern.LiteralPrefix;
                var covered = c.Catalog.WithPrefix(prefix).Length;
                var colon = prefix.IndexOf(':');
                while (prefix.Length > colon + 2 && c.Catalog.WithPrefix(prefix[..^1]).Length == covered)
                {
                    prefix = prefix[..^1];
                }
                r[i] = AsciiCase.Fold(prefix) + "*";
            }
        }),
    ];

    public static IGeneralizer? Find(string name) => All.FirstOrDefault(s => s.Name == name);

    public static string Names => string.Join(", ", All.Select(s => s.Name));

    private sealed class Mutant(string name, string description, Action<ActionPattern, GeneralizationContext, List<string>> bug)
        : IGeneralizer
    {
        public string Name => name;
        public string Description => description;
        public PropertyKind Claims => Reference.Claims;
        public string? CoarserPrefix(string literalPrefix) => Reference.CoarserPrefix(literalPrefix);

        public IReadOnlyList<string> Generalize(ActionPattern entry, GeneralizationContext context)
        {
            var result = Reference.Generalize(entry, context).ToList();
            bug(entry, context, result);
            return result;
        }

        // The bugs are in Action refinement; NotAction statements are refined as the reference does, so each mutant is
        // still caught by the property its bug breaks and not by an unrefined NotAction statement.
        public IReadOnlyList<string> NotActionAdditions(IReadOnlyList<string> notAction, GeneralizationContext context) =>
            Reference.NotActionAdditions(notAction, context);
    }
}
