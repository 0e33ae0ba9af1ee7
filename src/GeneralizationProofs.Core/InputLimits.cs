namespace GeneralizationProofs;

/// <summary>
/// Bounds on what the inputs may hold. IAM's own grammar keeps action names far below them (the longest real name is
/// under 130 characters, and a managed policy is at most 6,144 characters), so the bounds refuse only hostile or
/// broken input, while keeping the work per entry (the trie walks, the solver's terms) bounded.
/// </summary>
public static class InputLimits
{
    /// <summary>
    /// The longest policy Action/NotAction entry, catalog action and unused action (<c>service:Name</c>) accepted.
    /// Z3's rewriter recurses over a pattern's regex: entries of 20,000 characters overflowed its stack; at this
    /// bound a verify of <c>?</c>, <c>*A*A…</c> or a literal entry finishes in seconds on the default stack.
    /// </summary>
    public const int MaxActionLength = 1_024;

    /// <summary>Refuses an over-long action, naming the place and the limit; the text itself is not echoed.</summary>
    public static string CheckActionLength(string action, string file, string place, string what = "an action")
    {
        if (action.Length > MaxActionLength)
        {
            throw new InputException(file, place,
                $"{what} of {action.Length:N0} characters is longer than the limit of {MaxActionLength:N0} "
                + "(IAM action names are under 130)");
        }
        return action;
    }
}
