using System.Text.Json.Nodes;

namespace GeneralizationProofs.Policy;

/// <summary>
/// The one place that computes a policy's size and limit. IAM counts the characters of the policy text not counting
/// whitespace (spec §6: managed 6,144; inline user 2,048, group 5,120, role 10,240). The count is taken over the JSON
/// the refiner writes, so whitespace inside strings is not counted either; policy strings (actions, ARNs, condition
/// keys) hold none in practice, and IAM's own count is the same for them.
/// </summary>
public static class PolicySize
{
    public static readonly string[] Names = ["managed", "inline-user", "inline-group", "inline-role"];

    public static int Limit(PolicyType type) => type switch
    {
        PolicyType.Managed => 6_144,
        PolicyType.InlineUser => 2_048,
        PolicyType.InlineGroup => 5_120,
        PolicyType.InlineRole => 10_240,
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    public static string Name(PolicyType type) => Names[(int)type];

    /// <summary>The type named as <c>--policy-type</c> spells it; null for any other name.</summary>
    public static PolicyType? Parse(string name) =>
        Array.IndexOf(Names, name.Trim()) is var i and >= 0 ? (PolicyType)i : null;

    /// <summary>Characters of <paramref name="text"/> that are not whitespace (tab, LF, CR, space and the rest).</summary>
    public static int Characters(string text)
    {
        var count = 0;
        foreach (var c in text)
        {
            count += char.IsWhiteSpace(c) ? 0 : 1;
        }
        return count;
    }

    /// <summary>The size of a policy document as written (the refiner's output, or a part of a split).</summary>
    public static int Characters(JsonNode document) => Characters(document.ToJsonString(PolicyDocument.WriteOptions));

    public static SizeReport Of(JsonNode document, PolicyType type) => new(Characters(document), Limit(type), type);
}
