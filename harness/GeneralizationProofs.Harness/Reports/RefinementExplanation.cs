using GeneralizationProofs.Generalization;
using GeneralizationProofs.Patterns;
using GeneralizationProofs.Policy;
using GeneralizationProofs.Refinement;

namespace GeneralizationProofs.Harness.Reports;

/// <summary>
/// Why a refinement is what it is (issue 17 part 4), as lines that <c>refine --format explain</c> prints (in colour on a
/// terminal) and the corpus report's policy page shows. For each refined wildcard: the unused actions it had to exclude;
/// the trie nodes the walk decided, each unsafe one with the unused action that starts with its prefix (or the entry it
/// would escape); why each emitted pattern stands where it does (M1: its parent, the coarser candidate, is unsafe, and
/// the line names the unused action that parent grants); the M2 evidence (a kept action that pattern alone grants among
/// the entry's outputs). For each Allow + NotAction statement, what its NotAction list gained and which unused actions
/// each added entry excludes. Then the size against the limit. The trie is the walk's own (<see cref="TriePicture"/>
/// over <see cref="ITrieWalkObserver"/>), never a second walk; a strategy without a trie gets the lists and evidence only.
/// </summary>
public static class RefinementExplanation
{
    /// <summary>Names listed per item before "and N more": enough to act on, short enough to read.</summary>
    public const int Shown = 5;

    public static List<ExplainLine> Of(
        PolicyRefinement refinement, GeneralizationContext context, IPolicyStrategy strategy, PolicyType type)
    {
        var lines = new List<ExplainLine>
        {
            new(ExplainKind.Heading, 0,
                $"{refinement.Original.Name}: strategy '{refinement.Strategy}', {context.Unused.Count} unused action(s)"),
        };
        var trie = TrieOf(strategy);
        foreach (var statement in refinement.Statements)
        {
            foreach (var entry in statement.Entries.Where(e => e.Outcome == EntryOutcome.Replaced && e.Original.Contains('*')))
            {
                Wildcard(lines, statement.Original.Label, entry, context, trie, strategy);
            }
            if (statement.Added is { Count: > 0 } added)
            {
                NotAction(lines, statement, added);
            }
            else if (statement.Outcome == StatementOutcome.NotActionKept)
            {
                lines.Add(new(ExplainKind.Note, 0, $"{statement.Original.Label}: NotAction kept verbatim by '{refinement.Strategy}': "
                    + $"it still grants {statement.GrantedUnused?.Count ?? 0} unused action(s){List(statement.GrantedUnused ?? [])}"));
            }
        }
        if (lines.Count == 1)
        {
            lines.Add(new(ExplainKind.Plain, 0, "no wildcard or NotAction statement grants an unused action: nothing to explain"));
        }
        var size = refinement.Size(type);
        lines.Add(new(size.Over ? ExplainKind.Unsafe : ExplainKind.Safe, 0, size.Note));
        foreach (var note in refinement.Notes())
        {
            lines.Add(new(ExplainKind.Note, 0, $"note: {note}"));
        }
        return lines;
    }

    /// <summary>The lines as plain text, indented two spaces per trie level.</summary>
    public static string Text(IEnumerable<ExplainLine> lines) =>
        string.Concat(lines.Select(l => $"{new string(' ', 2 * l.Indent)}{l.Text}\n"));

    /// <summary>
    /// The trie strategy whose walk explains the output: the strategy itself, or for <c>compact</c> the character trie
    /// its prefix candidate is built on (a safe node's literal swapped for a shorter <c>p*</c>; when compact's glob cover
    /// wins, the globs are explained instead); null when there is no trie.
    /// </summary>
    private static TriePrefixGeneralizer? TrieOf(IPolicyStrategy strategy) => strategy switch
    {
        TriePrefixGeneralizer trie => trie,
        CompactGeneralizer => TriePrefixGeneralizer.Character(),
        _ => null,
    };

    private static void Wildcard(List<ExplainLine> lines, string label, EntryChange entry, GeneralizationContext context,
        TriePrefixGeneralizer? trie, IPolicyStrategy strategy)
    {
        var pattern = new ActionPattern(entry.Original);
        var unused = context.Catalog.Matching(pattern).Where(context.Unused.Contains).ToList();
        var became = entry.Outputs.Count == 0 ? "(dropped)" : string.Join(", ", entry.Outputs);
        lines.Add(new(ExplainKind.Heading, 0, $"{label}: {entry.Original} -> {became}"));
        lines.Add(new(ExplainKind.Plain, 1, $"excludes {unused.Count} unused action(s){List(unused)}"));
        var choice = strategy is CompactGeneralizer ? CompactGeneralizer.Choose(pattern, context) : null;
        if (choice is not null && pattern.IsPrefixGlob)
        {
            lines.Add(new(ExplainKind.Note, 1, CompactCosts(choice)));
        }
        if (choice is { CoverWon: true })
        {
            Globs(lines, choice.Output, pattern, context);
        }
        else if (trie is null)
        {
            lines.Add(new(ExplainKind.Note, 1, $"strategy '{strategy.Name}' walks no trie: no node-by-node reasons"));
        }
        else
        {
            Nodes(lines, TriePicture.Of(trie, pattern, context), pattern, context, trie != strategy ? entry.Outputs : null);
        }
        Evidence(lines, entry.Outputs, context);
    }

    /// <summary>Compact's two candidates in characters as written, and which it took (the cheaper; the prefixes at a tie).</summary>
    private static string CompactCosts(CompactChoice choice)
    {
        var prefixes = $"the character trie's prefixes cost {CompactChoice.Characters(choice.Prefixes)} characters "
            + $"({choice.Prefixes.Count} pattern(s))";
        return choice.Cover is null ? $"compact: {prefixes}; no glob cover (a service's group is too large to cover)"
            : $"compact: {prefixes}, the one-star glob cover {CompactChoice.Characters(choice.Cover)} ({choice.Cover.Count} glob(s)): "
              + (choice.CoverWon ? "the cover is shorter and is the output" : "the prefixes are not longer and are the output");
    }

    /// <summary>
    /// Why each glob of a cover may stand: the kept actions it grants, and that it grants no unused action and stays inside
    /// the entry; both computed here from the catalog and the unused set, not taken from the cover's own bookkeeping.
    /// </summary>
    private static void Globs(List<ExplainLine> lines, IReadOnlyList<string> globs, ActionPattern entry, GeneralizationContext context)
    {
        foreach (var glob in globs)
        {
            var granted = context.Catalog.Matching(new ActionPattern(glob));
            var unused = granted.Where(context.Unused.Contains).ToList();
            var kept = granted.Where(a => !context.Unused.Contains(a)).ToList();
            var inside = entry.IsPrefixGlob && AsciiCase.StartsWith(glob, entry.LiteralPrefix);
            lines.Add(unused.Count == 0 && inside
                ? new(ExplainKind.Emitted, 1, $"glob {glob}: grants {kept.Count} kept action(s){List(kept)}; no unused action; "
                    + $"starts with {entry.LiteralPrefix}, so inside {entry.Text}")
                : new(ExplainKind.Unsafe, 1, $"glob {glob}: grants {unused.Count} unused action(s){List(unused)}"
                    + (inside ? "" : $"; not inside {entry.Text}")));
        }
    }

    /// <param name="shortened">the outputs, when the picture is of the trie a strategy shortens (compact): a literal the
    /// walk emitted may be written as its node's <c>p*</c>.</param>
    private static void Nodes(List<ExplainLine> lines, TriePicture picture, ActionPattern entry, GeneralizationContext context,
        IReadOnlyList<string>? shortened)
    {
        if (shortened is not null)
        {
            lines.Add(new(ExplainKind.Note, 1, "the character trie's walk, which compact shortens: a literal may become a shorter p*"));
        }
        // An unsafe node under which every catalog action is unused decides nothing: it is counted, not listed.
        var onlyUnused = picture.Rows.Count(r => !r.Safe && r.KeptActions == 0);
        foreach (var row in picture.Rows)
        {
            var indent = 1 + row.Depth;
            if (!row.Safe && row.KeptActions == 0)
            {
                continue;
            }
            if (!row.Safe)
            {
                lines.Add(new(ExplainKind.Unsafe, indent, $"unsafe {row.Name}: {WhyUnsafe(row.Prefix, entry, context)}"
                    + (row.Emitted ? $"; its own kept action is emitted as the literal {row.Pattern}" : "")));
            }
            else if (row.Emitted)
            {
                var parent = row.Parent >= 0 ? picture.Rows[row.Parent] : null;
                var m1 = parent is null ? "it is the entry's own root"
                    : parent.Safe ? $"M1: the coarser {parent.Name}* is safe but coarser than this strategy emits"
                    : $"M1: the coarser {parent.Name}* is not safe ({WhyUnsafe(parent.Prefix, entry, context)})";
                var glob = row.Prefix + "*";
                var written = shortened?.Contains(glob) == true && row.Pattern != glob ? $" (written {glob})" : "";
                lines.Add(new(ExplainKind.Emitted, indent,
                    $"emit {row.Pattern}{written}: safe, {row.KeptActions} kept action(s) under {row.Name}; {m1}"));
            }
            else if (row.Pattern is not null)
            {
                lines.Add(new(ExplainKind.Safe, indent, $"safe {row.Name}: {row.Pattern} is covered by another emitted pattern"));
            }
        }
        if (onlyUnused > 0)
        {
            lines.Add(new(ExplainKind.Unsafe, 1, $"{onlyUnused} more unsafe node(s) hold only unused actions: nothing under them is kept"));
        }
    }

    /// <summary>
    /// Why <c>prefix*</c> is not safe: the first unused action that starts with the prefix (and how many more), else the
    /// entry it would escape. Computed from the unused set, the same test the walk makes.
    /// </summary>
    public static string WhyUnsafe(string prefix, ActionPattern entry, GeneralizationContext context)
    {
        var under = context.Unused.WithPrefix(prefix);
        if (!under.IsEmpty)
        {
            return $"unused {under[0]} starts with it" + (under.Length > 1 ? $", and {under.Length - 1} more" : "");
        }
        return entry.IsPrefixGlob || ActionPattern.Match(entry.Text, prefix)
            ? "no unused action starts with it"
            : $"{prefix}* would grant strings outside {entry.Text}";
    }

    /// <summary>M2: each output grants a kept catalog action that no other output of the entry grants.</summary>
    private static void Evidence(List<ExplainLine> lines, IReadOnlyList<string> outputs, GeneralizationContext context)
    {
        var granted = outputs.Select(o => context.Catalog.Matching(new ActionPattern(o))).ToList();
        var count = granted.SelectMany(g => g).GroupBy(a => a, AsciiCase.EqualityComparer)
            .ToDictionary(g => g.Key, g => g.Count(), AsciiCase.EqualityComparer);
        for (var i = 0; i < outputs.Count; i++)
        {
            var only = granted[i].FirstOrDefault(a => count[a] == 1 && !context.Unused.Contains(a));
            lines.Add(only is null
                ? new(ExplainKind.Note, 1, $"M2 {outputs[i]}: grants no kept catalog action alone")
                : new(ExplainKind.Plain, 1, $"M2 {outputs[i]}: needed for {only}, which no other output grants"));
        }
    }

    private static void NotAction(List<ExplainLine> lines, StatementRefinement statement, IReadOnlyList<string> added)
    {
        var granted = statement.GrantedUnused ?? [];
        lines.Add(new(ExplainKind.Heading, 0, $"{statement.Original.Label}: Allow + NotAction gains {added.Count} exclusion(s)"));
        foreach (var entry in added)
        {
            var excluded = granted.Where(a => ActionPattern.Match(entry, a)).ToList();
            lines.Add(new(ExplainKind.Emitted, 1,
                $"NotAction + {entry}: excludes {excluded.Count} unused action(s) it granted{List(excluded)}"));
        }
    }

    private static string List(IReadOnlyList<string> items) =>
        items.Count == 0 ? ""
            : ": " + string.Join(", ", items.Take(Shown)) + (items.Count > Shown ? $" and {items.Count - Shown} more" : "");
}
