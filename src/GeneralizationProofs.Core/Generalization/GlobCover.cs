using GeneralizationProofs.Patterns;

namespace GeneralizationProofs.Generalization;

/// <summary>
/// Compact's second candidate for a prefix-glob entry <c>x*</c>: its kept actions covered by globs with one gap
/// anywhere in the name — <c>svc:p*s</c> (a prefix, a suffix or both) and <c>svc:*t*</c> (an infix) — chosen by greedy
/// weighted set cover on characters. Every candidate is taken from a kept action's own name, so it grants at least that
/// action; it is kept only when it matches no unused action (sound), and it starts with a base that extends the entry's
/// literal prefix (the entry's own prefix, or <c>svc:</c> for an entry such as <c>*</c>), so its language is inside
/// L(x*) over all strings (no escalation). A literal is always a candidate, so every kept action is covered (complete);
/// a chosen glob whose kept actions the others all grant is dropped, so each grants one no other does (M2).
/// <para>
/// Matching is decided on folded text without a pattern matcher: <c>p*s</c> matches a name n exactly when n starts
/// with p, ends with s and |p| + |s| ≤ |n|, so the pairs (n[..i], n[j..]) for i ≤ j are all the p*s that match n;
/// <c>*t*</c> matches n exactly when t is a substring of n. An unused name's pairs and substrings are the unsafe keys.
/// Greedy set cover is not minimum (it is within ln(n) of it); compact keeps it only where it is shorter than the
/// prefix output, so it never costs characters.
/// </para>
/// </summary>
public static class GlobCover
{
    /// <summary>A group this large is left to the prefix output: the pair keys grow with the square of name length.</summary>
    private const int MaxGroup = 4_000;

    /// <summary>Characters an entry costs in the policy as written: the text, its two quotes and a comma.</summary>
    public static int Cost(string pattern) => pattern.Length + 3;

    /// <summary>
    /// The cover of <paramref name="kept"/> (catalog spelling) under <paramref name="entry"/>, a prefix glob; null when
    /// a group is too large to cover.
    /// </summary>
    public static List<string>? Cover(ActionPattern entry, IReadOnlyList<string> kept, GeneralizationContext context)
    {
        var result = new List<string>();
        foreach (var group in kept.GroupBy(a => Base(entry.LiteralPrefix, a), AsciiCase.EqualityComparer))
        {
            var names = group.ToList();
            if (names.Count > MaxGroup)
            {
                return null;
            }
            var unused = context.Unused.WithPrefix(group.Key).ToArray();
            result.AddRange(CoverGroup(group.Key, names, unused));
        }
        return result;
    }

    /// <summary>The entry's literal prefix when it names the service, else the action's <c>svc:</c> (it extends the prefix).</summary>
    private static string Base(string literalPrefix, string action) =>
        literalPrefix.Contains(':') ? literalPrefix : action[..(action.IndexOf(':') + 1)];

    private sealed record Candidate(string Text, int Cost, int[] Covers);

    private static List<string> CoverGroup(string basePrefix, List<string> actions, string[] unused)
    {
        var unsafeKeys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var u in unused)
        {
            foreach (var (key, _) in Keys(AsciiCase.Fold(u)[basePrefix.Length..], null))
            {
                unsafeKeys.Add(key);
            }
        }
        var covers = new Dictionary<string, (string Text, List<int> Actions)>(StringComparer.Ordinal);
        for (var i = 0; i < actions.Count; i++)
        {
            var name = actions[i][basePrefix.Length..];
            foreach (var (key, text) in Keys(AsciiCase.Fold(name), name))
            {
                if (unsafeKeys.Contains(key))
                {
                    continue;
                }
                if (!covers.TryGetValue(key, out var entry))
                {
                    covers[key] = entry = (basePrefix + text, []);
                }
                // A name can yield one key twice (p*s and p'*s' with equal text); its index is added once.
                if (entry.Actions.Count == 0 || entry.Actions[^1] != i)
                {
                    entry.Actions.Add(i);
                }
            }
        }
        return Greedy(actions, Pool(actions, covers.Values));
    }

    /// <summary>
    /// Every candidate covering two kept actions or more, and for each action the cheapest candidate covering it alone
    /// (its literal unless a shorter glob grants it and nothing else kept): the other one-action globs cannot help.
    /// </summary>
    private static List<Candidate> Pool(List<string> actions, IEnumerable<(string Text, List<int> Actions)> covers)
    {
        var pool = new List<Candidate>();
        var single = actions.Select((a, i) => new Candidate(a, Cost(a), [i])).ToArray();
        foreach (var (text, covered) in covers)
        {
            var cost = Cost(text);
            if (covered.Count > 1)
            {
                pool.Add(new Candidate(text, cost, covered.ToArray()));
            }
            else if (cost < single[covered[0]].Cost
                || cost == single[covered[0]].Cost && string.CompareOrdinal(text, single[covered[0]].Text) < 0)
            {
                single[covered[0]] = new Candidate(text, cost, [covered[0]]);
            }
        }
        pool.AddRange(single);
        return pool;
    }

    /// <summary>
    /// Lazy greedy: take the candidate with the fewest characters per newly covered action (ties: cheaper, then ordinal
    /// text, so the output is deterministic), then drop, costliest first, every chosen one the others make redundant.
    /// </summary>
    private static List<string> Greedy(List<string> actions, List<Candidate> pool)
    {
        var covered = new bool[actions.Count];
        var left = actions.Count;
        var queue = new PriorityQueue<Candidate, (double Ratio, int Cost, string Text)>(
            Comparer<(double Ratio, int Cost, string Text)>.Create((a, b) => a.Ratio != b.Ratio ? a.Ratio.CompareTo(b.Ratio)
                : a.Cost != b.Cost ? a.Cost.CompareTo(b.Cost) : string.CompareOrdinal(a.Text, b.Text)));
        foreach (var c in pool)
        {
            queue.Enqueue(c, ((double)c.Cost / c.Covers.Length, c.Cost, c.Text));
        }
        var chosen = new List<Candidate>();
        while (left > 0 && queue.TryDequeue(out var candidate, out var priority))
        {
            var gain = candidate.Covers.Count(i => !covered[i]);
            if (gain == 0)
            {
                continue;
            }
            var ratio = (double)candidate.Cost / gain;
            if (ratio > priority.Ratio && queue.TryPeek(out _, out var next) && ratio > next.Ratio)
            {
                queue.Enqueue(candidate, (ratio, candidate.Cost, candidate.Text));
                continue;
            }
            chosen.Add(candidate);
            foreach (var i in candidate.Covers.Where(i => !covered[i]))
            {
                covered[i] = true;
                left--;
            }
        }
        var count = new int[actions.Count];
        foreach (var i in chosen.SelectMany(c => c.Covers))
        {
            count[i]++;
        }
        foreach (var c in chosen.OrderByDescending(c => c.Cost).ThenBy(c => c.Text, StringComparer.Ordinal).ToList())
        {
            if (c.Covers.All(i => count[i] > 1))
            {
                chosen.Remove(c);
                foreach (var i in c.Covers)
                {
                    count[i]--;
                }
            }
        }
        return chosen.Select(c => c.Text).ToList();
    }

    /// <summary>
    /// The one-gap globs that match <paramref name="folded"/> (a name after the base), as keys — pairs
    /// <c>p\u0001s</c> and infixes <c>\u0002t</c> — with their text in <paramref name="spelling"/>'s case when given.
    /// The empty pair (<c>*</c>) is included: for an unused name it makes the whole base unsafe.
    /// </summary>
    private static IEnumerable<(string Key, string? Text)> Keys(string folded, string? spelling)
    {
        var length = folded.Length;
        for (var i = 0; i <= length; i++)
        {
            for (var j = i; j <= length; j++)
            {
                yield return (folded[..i] + "\u0001" + folded[j..], spelling is null ? null : spelling[..i] + "*" + spelling[j..]);
            }
        }
        for (var i = 0; i < length; i++)
        {
            for (var j = i + 1; j <= length; j++)
            {
                // Every substring, also one at either end: *t* matches a name wherever t is in it, and the cover
                // counted for it must be exact (an unused name it misses would be unsound, a kept one would break M2).
                yield return ("\u0002" + folded[i..j], spelling is null ? null : "*" + spelling[i..j] + "*");
            }
        }
    }
}
