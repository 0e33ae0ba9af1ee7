namespace GeneralizationProofs.Generalization;

/// <summary>
/// Splits an action <c>service:Name</c> into tokens. The service prefix with its colon is the first token
/// (<c>s3:</c>); the name is split into CamelCase words. Rules, in order, for a boundary before character i of
/// the name:
/// <list type="number">
/// <item>lower-case letter or digit, then upper-case letter: <c>GetObject</c> → Get|Object, <c>S3Bucket</c> → S3|Bucket
/// (digits stay with the word they follow: <c>V2</c>, <c>EC2</c>);</item>
/// <item>an acronym ends where its last capital starts a capitalised word: <c>GetBucketCORSConfig</c> →
/// Get|Bucket|CORS|Config, <c>ListFHIRDatastores</c> → List|FHIR|Datastores;</item>
/// <item>except for an acronym's plural "s" at the end of a word: <c>ListACLs</c> → List|ACLs, not List|AC|Ls;</item>
/// <item>a character that is neither letter nor digit ends the word it follows (names in the catalogs have none).</item>
/// </list>
/// Lower-case names are one word until a capital (<c>connect</c>, <c>view|Reports</c>).
/// </summary>
public static class ActionTokenizer
{
    /// <summary>The end offsets (exclusive) of each token of <paramref name="action"/>, the last one its length.</summary>
    public static List<int> TokenEnds(string action)
    {
        var ends = new List<int>();
        var colon = action.IndexOf(':');
        var nameStart = colon + 1;
        if (colon >= 0)
        {
            ends.Add(nameStart);
        }
        for (var i = nameStart + 1; i < action.Length; i++)
        {
            if (IsBoundary(action, i))
            {
                ends.Add(i);
            }
        }
        if (ends.Count == 0 || ends[^1] != action.Length)
        {
            ends.Add(action.Length);
        }
        return ends;
    }

    /// <summary>The tokens themselves, for display and tests.</summary>
    public static List<string> Tokens(string action)
    {
        var result = new List<string>();
        var start = 0;
        foreach (var end in TokenEnds(action))
        {
            result.Add(action[start..end]);
            start = end;
        }
        return result;
    }

    private static bool IsBoundary(string s, int i)
    {
        var prev = s[i - 1];
        var cur = s[i];
        if (!char.IsLetterOrDigit(prev))
        {
            return true;
        }
        if (!char.IsUpper(cur))
        {
            return false;
        }
        if (char.IsLower(prev) || char.IsDigit(prev))
        {
            return true;
        }
        // prev and cur are capitals: a boundary only where cur starts a capitalised word (rule 2) ...
        var next = i + 1 < s.Length ? s[i + 1] : '\0';
        if (!char.IsLower(next))
        {
            return false;
        }
        // ... unless that "word" is the plural s of the acronym (rule 3).
        var afterNext = i + 2 < s.Length ? s[i + 2] : '\0';
        return !(next == 's' && !char.IsLower(afterNext));
    }
}
