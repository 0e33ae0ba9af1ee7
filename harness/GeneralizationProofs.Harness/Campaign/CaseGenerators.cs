using FsCheck;
using FsCheck.Fluent;
using GeneralizationProofs.Patterns;

namespace GeneralizationProofs.Harness.Campaign;

/// <summary>
/// The generators, all in one place. FsCheck supplies size and randomness (so seeds replay and <c>[Property]</c>
/// tests shrink); each case is then built by plain code from that randomness, which keeps the shapes readable.
/// Size grows the catalog and the policy; <see cref="RandomCase.Shrink"/> walks a failing case back down.
/// </summary>
public static class CaseGenerators
{
    // Deep shared prefixes come from reusing these tokens: ListBucket / ListBucketVersions, GetFHIRDatastore(s), ...
    private static readonly string[] Services = ["s3", "ec2", "connect", "healthlake", "sagemaker", "execute-api"];
    private static readonly string[] Verbs = ["Get", "List", "Describe", "Put", "Delete", "Create", "view", "get"];
    private static readonly string[] Nouns =
    [
        "Bucket", "Versions", "Object", "Acl", "ACLs", "CORS", "Config", "FHIR", "Datastore", "Datastores", "ML", "Model",
        "V2", "2", "Api", "Gateway", "Gateways", "Reports", "Instance", "Instances", "Tag", "Tags",
    ];
    private static readonly string[] Standalone = ["connect", "Invoke", "viewReports", "ec2Instance"];

    /// <summary>Random cases of growing size, with at most <paramref name="maxActions"/> catalog actions.</summary>
    public static Gen<RandomCase> Cases(int maxActions = 24) =>
        Gen.Sized(size => Gen.Choose(0, int.MaxValue).Select(seed => Build(new Random(seed), Math.Max(1, size), maxActions)));

    /// <summary>The FsCheck arbitrary for <c>[Property]</c> tests: the generator and the shrinker together.</summary>
    public static Arbitrary<RandomCase> Arbitrary(int maxActions = 24) => Arb.From(Cases(maxActions), c => c.Shrink());

    /// <summary>
    /// Case <paramref name="index"/> of a campaign with <paramref name="seed"/>: the same case on every machine and run
    /// (the builder <see cref="Cases"/> wraps, fed directly, so a campaign does not depend on FsCheck's sampling).
    /// </summary>
    public static RandomCase Case(int seed, int index, int maxActions, int maxSize = 30)
    {
        var size = 1 + index % maxSize; // sweep small to large, so small counterexamples come early
        return Build(new Random(unchecked(seed * 1_000_003 + index)), size, maxActions);
    }

    public static RandomCase Build(Random random, int size, int maxActions)
    {
        var catalog = Catalog(random, size, maxActions);
        var statements = Enumerable.Range(0, 1 + random.Next(1 + Math.Min(3, size / 6)))
            .Select(_ => Statement(random, catalog, size)).ToList();
        var granted = RandomCase.Granted(catalog, statements);
        List<string> unused = random.Next(6) switch
        {
            0 => [],
            1 => granted,
            2 => granted.Concat(catalog.Where(_ => random.Next(4) == 0)).Distinct().ToList(), // also actions it does not grant
            _ => granted.Where(_ => random.Next(3) == 0).ToList(),
        };
        return new RandomCase(catalog, statements, unused, StatementAsObject: statements.Count == 1 && random.Next(2) == 0);
    }

    private static List<string> Catalog(Random random, int size, int maxActions)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal); // folded -> action: no two differ by case only
        var services = Services.OrderBy(_ => random.Next()).Take(1 + random.Next(Math.Min(3, 1 + size / 8))).ToList();
        var target = Math.Min(maxActions, 2 + random.Next(2 + size));
        for (var attempt = 0; names.Count < target && attempt < target * 8; attempt++)
        {
            var service = services[random.Next(services.Count)];
            string name;
            var existing = names.Values.Where(a => a.StartsWith(service + ":", StringComparison.Ordinal)).ToList();
            if (existing.Count > 0 && random.Next(4) == 0)
            {
                name = existing[random.Next(existing.Count)][(service.Length + 1)..] + Pick(random, Nouns); // a name that extends another
            }
            else if (random.Next(8) == 0)
            {
                name = Pick(random, Standalone);
            }
            else
            {
                name = Pick(random, Verbs) + string.Concat(Enumerable.Range(0, random.Next(4)).Select(_ => Pick(random, Nouns)));
            }
            names.TryAdd(AsciiCase.Fold($"{service}:{name}"), $"{service}:{name}");
        }
        return names.Values.Order(StringComparer.Ordinal).ToList();
    }

    private static RandomStatement Statement(Random random, IReadOnlyList<string> catalog, int size)
    {
        var actions = new List<string>();
        var count = 1 + random.Next(1 + Math.Min(5, size / 3));
        for (var i = 0; i < count; i++)
        {
            actions.Add(Entry(random, catalog, actions));
        }
        return new RandomStatement(actions,
            Deny: random.Next(10) == 0,
            NotAction: random.Next(10) == 0,
            ActionAsString: actions.Count == 1 && random.Next(2) == 0,
            Condition: random.Next(5) == 0,
            UnknownKey: random.Next(6) == 0);
    }

    /// <summary>One Action entry: literals, prefix globs, <c>svc:*</c>, <c>*</c>, <c>?</c>, leading and inner <c>*</c>, duplicates, unknown
    /// names.</summary>
    private static string Entry(Random random, IReadOnlyList<string> catalog, IReadOnlyList<string> earlier)
    {
        var action = catalog[random.Next(catalog.Count)];
        var colon = action.IndexOf(':');
        var service = action[..colon];
        var name = action[(colon + 1)..];
        return random.Next(20) switch
        {
            < 5 => action,
            5 => CaseVariant(random, action),
            < 11 => $"{service}:{name[..random.Next(name.Length + 1)]}*", // a prefix glob cut anywhere, token boundary or not
            11 => CaseVariant(random, $"{service}:{name[..random.Next(name.Length + 1)]}*"),
            12 => $"{service}:*",
            13 => random.Next(3) == 0 ? "*" : $"{service[..random.Next(1, service.Length + 1)]}*",
            14 => $"{service}:{ReplaceOne(random, name, '?')}",
            15 => $"{service}:*{name[random.Next(name.Length)..]}", // leading *
            16 => $"{service}:{name[..(name.Length / 2)]}*{name[(name.Length * 3 / 4)..]}", // inner *
            17 => earlier.Count > 0 ? earlier[random.Next(earlier.Count)] : action, // duplicate
            18 => random.Next(2) == 0 ? $"{service}:NoSuchAction" : "unknownservice:Get*",
            _ => $"{service}:{ReplaceOne(random, name[..random.Next(name.Length + 1)], '?')}*",
        };
    }

    private static string Pick(Random random, string[] items) => items[random.Next(items.Length)];

    private static char Pick(Random random, string characters) => characters[random.Next(characters.Length)];

    private static string ReplaceOne(Random random, string text, char with)
    {
        if (text.Length == 0)
        {
            return with.ToString();
        }
        var i = random.Next(text.Length);
        return text[..i] + with + text[(i + 1)..];
    }

    public static string CaseVariant(Random random, string text) =>
        new(text.Select(c => random.Next(2) == 0 ? char.IsUpper(c) ? char.ToLowerInvariant(c) : char.ToUpperInvariant(c) : c).ToArray());

    /// <summary>
    /// Malformed JSON derived from a valid document: truncated, a character replaced or inserted, a value swapped
    /// for one of the wrong type, or a document of the wrong shape altogether.
    /// </summary>
    private const string Breakers = "{}[]\",:\\x\u0001é";

    public static string Malformed(Random random, string valid)
    {
        string[] wrongValues = ["5", "null", "true", "[]", "{}", "\"\"", "[[[[1]]]]", "\"Maybe\"", "-0.5e99", "\"\\ud800\""];
        string[] keys = ["Statement", "Effect", "Action", "NotAction", "Version", "document", "PolicyVersion", "Document",
            "serviceNamespace", "actions", "services"];
        return random.Next(7) switch
        {
            0 => valid[..random.Next(valid.Length)],
            1 => ReplaceOne(random, valid, Pick(random, Breakers)),
            2 => valid.Insert(random.Next(valid.Length), Pick(random, Breakers).ToString()),
            3 => System.Text.RegularExpressions.Regex.Replace(valid,
                $"\"{Pick(random, keys)}\"\\s*:\\s*(\"[^\"]*\"|\\[[^\\]]*\\]|\\{{[^}}]*\\}})",
                m => m.Value[..(m.Value.IndexOf(':') + 1)] + Pick(random, wrongValues)),
            4 => Pick(random, wrongValues),
            5 => $"{{\"{Pick(random, keys)}\": {Pick(random, wrongValues)}}}",
            _ => $"[{{\"{Pick(random, keys)}\": {Pick(random, wrongValues)}, \"{Pick(random, keys)}\": {Pick(random, wrongValues)}}}]",
        };
    }
}
