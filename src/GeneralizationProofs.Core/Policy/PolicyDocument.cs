using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GeneralizationProofs.Policy;

/// <summary>
/// An IAM policy file. <see cref="Root"/> is the whole file (a bare policy, or a corpus wrapper with the policy under
/// <c>document</c> or <c>PolicyVersion.Document</c>); <see cref="Document"/> is the policy inside it.
/// </summary>
public sealed class PolicyDocument
{
    public static readonly JsonSerializerOptions WriteOptions = new()
    {
        WriteIndented = true,
        IndentSize = 2,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private PolicyDocument(string file, JsonNode root, JsonObject document, string documentPlace, List<Statement> statements,
        bool statementIsObject)
    {
        File = file;
        Root = root;
        Document = document;
        DocumentPlace = documentPlace;
        Statements = statements;
        StatementIsObject = statementIsObject;
    }

    public string File { get; }
    public JsonNode Root { get; }
    public JsonObject Document { get; }
    public string DocumentPlace { get; }
    public IReadOnlyList<Statement> Statements { get; }
    public bool StatementIsObject { get; }

    /// <summary>Shapes accepted but worth a word (a statement without Resource); the CLI prints them on stderr.</summary>
    public IReadOnlyList<string> Warnings { get; private init; } = [];

    /// <summary>
    /// A name for the policy: the wrapper's <c>name</c> (get-*-policy's <c>PolicyName</c>), else the policy's <c>Id</c>, else
    /// the file name without extension (the examples are all called <c>policy.json</c>; the role's name is in its <c>Id</c>).
    /// </summary>
    public string Name =>
        AsString(Root["name"] ?? Root["PolicyName"]) ?? AsString(Document["Id"]) ?? Path.GetFileNameWithoutExtension(File);

    public string? Arn => AsString(Root["arn"]);

    /// <summary>When the policy was last changed, if the wrapper says (corpus <c>updatedate</c>, AWS <c>CreateDate</c>).</summary>
    public string? UpdatedAt => AsString(Root["updatedate"] ?? Root["PolicyVersion"]?["CreateDate"]);

    /// <summary>The node's text when it is a JSON string, else null.</summary>
    public static string? AsString(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    public static PolicyDocument Load(string path) => Parse(JsonInput.ReadFile(path), JsonInput.NameOf(path));

    public static PolicyDocument FromText(string text, string file) => Parse(JsonInput.Parse(text, file), file);

    public static PolicyDocument Parse(JsonNode root, string file)
    {
        var (document, place) = Unwrap(root, file);
        var statements = new List<Statement>();
        var warnings = new List<string>();
        var statementIsObject = false;
        if (document["Version"] is { } version
            && (version is not JsonValue vv || vv.GetValueKind() != JsonValueKind.String
                || vv.GetValue<string>() is not ("2012-10-17" or "2008-10-17")))
        {
            throw new InputException(file, place + ".Version",
                $"must be \"2012-10-17\" or \"2008-10-17\", found {InputException.Shown(version.ToJsonString())}");
        }
        if (document.ContainsKey("Id") && AsString(document["Id"]) is null)
        {
            throw new InputException(file, place + ".Id",
                $"must be a string, found {InputException.Shown(document["Id"]?.ToJsonString() ?? "null")}");
        }
        switch (document["Statement"])
        {
            case JsonObject single:
                statementIsObject = true;
                statements.Add(ReadStatement(single, 0, place + ".Statement", file, warnings));
                break;
            case JsonArray list:
                for (var i = 0; i < list.Count; i++)
                {
                    var sPlace = $"{place}.Statement[{i}]";
                    if (list[i] is not JsonObject obj)
                    {
                        throw new InputException(file, sPlace, "a statement must be a JSON object");
                    }
                    statements.Add(ReadStatement(obj, i, sPlace, file, warnings));
                }
                break;
            case null:
                throw new InputException(file, place + ".Statement", "missing");
            default:
                throw new InputException(file, place + ".Statement", "must be an object or an array of objects");
        }
        // IAM refuses a policy whose Sids repeat; the refinement copies them, so it is said here, not by AWS later.
        foreach (var sid in statements.Select(s => s.Sid).OfType<string>().GroupBy(s => s).Where(g => g.Count() > 1))
        {
            warnings.Add($"{file}: {place}.Statement: Sid \"{InputException.Shown(sid.Key)}\" is used by {sid.Count()} statements "
                + "(AWS would refuse the policy)");
        }
        return new PolicyDocument(file, root, document, place, statements, statementIsObject) { Warnings = warnings };
    }

    private static (JsonObject Document, string Place) Unwrap(JsonNode root, string file)
    {
        if (root is not JsonObject obj)
        {
            throw new InputException(file, "$", "a policy must be a JSON object");
        }
        if (obj.ContainsKey("Statement"))
        {
            return (obj, "$");
        }
        if (obj["document"] is { } document)
        {
            return (AsObject(document, file, "$.document"), "$.document");
        }
        if (obj["PolicyVersion"] is JsonObject version && version["Document"] is { } doc)
        {
            return (AsObject(doc, file, "$.PolicyVersion.Document"), "$.PolicyVersion.Document");
        }
        // aws iam get-role-policy / get-user-policy / get-group-policy: {"RoleName", "PolicyName", "PolicyDocument"}.
        if (obj["PolicyDocument"] is { } inline)
        {
            return (AsObject(inline, file, "$.PolicyDocument"), "$.PolicyDocument");
        }
        throw new InputException(file, "$",
            "no \"Statement\" (nor a wrapped policy under \"document\", \"PolicyVersion.Document\" or \"PolicyDocument\")");
    }

    /// <summary>
    /// A wrapped policy: a JSON object, or a string holding one — the IAM API returns policy documents URL-encoded
    /// (RFC 3986, so a '+' in a policy arrives as %2B and unescaping is exact), and the CLI passes that through in
    /// some versions; a string that is plain JSON is read as is.
    /// </summary>
    private static JsonObject AsObject(JsonNode node, string file, string place)
    {
        if (node is JsonValue value && value.GetValueKind() == JsonValueKind.String)
        {
            var text = value.GetValue<string>().Trim();
            node = JsonInput.Parse(text.StartsWith('{') ? text : Uri.UnescapeDataString(text), $"{file} {place} (URL-encoded)");
        }
        return node as JsonObject ?? throw new InputException(file, place, "the wrapped policy must be a JSON object");
    }

    private static Statement ReadStatement(JsonObject node, int index, string place, string file, List<string> warnings)
    {
        warnings.AddRange(StatementShape.Check(node, file, place));
        var effect = AsString(node["Effect"]) is { } effectText
            ? effectText switch
            {
                "Allow" => Effect.Allow,
                "Deny" => Effect.Deny,
                var other => throw new InputException(file, place + ".Effect",
                    $"unknown Effect \"{InputException.Shown(other)}\" (expected \"Allow\" or \"Deny\")"),
            }
            : throw new InputException(file, place + ".Effect", "missing or not a string");
        var hasAction = node.ContainsKey("Action");
        var hasNotAction = node.ContainsKey("NotAction");
        if (hasAction == hasNotAction)
        {
            throw new InputException(file, place, "a statement needs exactly one of \"Action\" and \"NotAction\"");
        }
        var key = hasAction ? "Action" : "NotAction";
        var (actions, isString) = ReadActions(node[key], file, $"{place}.{key}");
        return new Statement(node, index, place, effect, hasNotAction, actions, isString);
    }

    private static (List<string>, bool) ReadActions(JsonNode? value, string file, string place)
    {
        switch (value)
        {
            case JsonValue v when v.GetValueKind() == JsonValueKind.String:
                return ([CheckAction(v.GetValue<string>(), file, place)], true);
            case JsonArray list:
                var actions = new List<string>(list.Count);
                for (var i = 0; i < list.Count; i++)
                {
                    if (list[i] is not JsonValue item || item.GetValueKind() != JsonValueKind.String)
                    {
                        throw new InputException(file, $"{place}[{i}]", "an action must be a string");
                    }
                    actions.Add(CheckAction(item.GetValue<string>(), file, $"{place}[{i}]"));
                }
                return (actions, false);
            default:
                throw new InputException(file, place, "must be a string or an array of strings");
        }
    }

    /// <summary>Policy grammar: an action is non-empty and uses only tab, LF, CR and U+0020–U+00FF.</summary>
    private static string CheckAction(string action, string file, string place)
    {
        if (action.Length == 0)
        {
            throw new InputException(file, place, "an action must not be empty");
        }
        InputLimits.CheckActionLength(action, file, place);
        foreach (var c in action)
        {
            if (c is not ('\t' or '\n' or '\r' or (>= '\u0020' and <= '\u00FF')))
            {
                throw new InputException(file, place, $"character U+{(int)c:X4} is not allowed in a policy");
            }
        }
        return action;
    }

    public static string Write(JsonNode node) => node.ToJsonString(WriteOptions) + "\n";
}
