using System.Text.Json;
using System.Text.Json.Nodes;
using GeneralizationProofs.Verification;

namespace GeneralizationProofs.Harness.Reports;

/// <summary>
/// Typed reads of a report this tool wrote (summary.json of a shard, read back by <c>genproof merge</c>): a missing
/// or mistyped field is bad input naming the file and the field, not a NullReferenceException.
/// </summary>
public static class ReportJson
{
    public static JsonNode Field(JsonNode? node, string key, string file) =>
        node is JsonObject obj && obj[key] is { } value ? value : throw Bad(node, key, file, "missing");

    public static string String(JsonNode? node, string key, string file) =>
        Field(node, key, file) is JsonValue v && v.GetValueKind() == JsonValueKind.String
            ? v.GetValue<string>()
            : throw Bad(node, key, file, "not a string");

    public static string? OptionalString(JsonNode? node, string key, string file) =>
        node?[key] is null ? null : String(node, key, file);

    public static double Double(JsonNode? node, string key, string file) =>
        Field(node, key, file) is JsonValue v && v.GetValueKind() == JsonValueKind.Number
            ? v.GetValue<double>()
            : throw Bad(node, key, file, "not a number");

    public static int Int(JsonNode? node, string key, string file) =>
        Field(node, key, file) is JsonValue v && v.TryGetValue<int>(out var i) ? i : throw Bad(node, key, file, "not a whole number");

    public static JsonArray Array(JsonNode? node, string key, string file) =>
        Field(node, key, file) as JsonArray ?? throw Bad(node, key, file, "not an array");

    public static List<string> Strings(JsonNode? node, string key, string file) =>
        Array(node, key, file).Select((item, i) => item is JsonValue v && v.GetValueKind() == JsonValueKind.String
            ? v.GetValue<string>()
            : throw Bad(node, $"{key}[{i}]", file, "not a string")).ToList();

    public static Verdict Verdict(JsonNode? node, string key, string file)
    {
        var name = String(node, key, file);
        return Enum.GetValues<Verdict>().FirstOrDefault(v => Verdicts.Name(v) == name, (Verdict)(-1)) is var verdict && verdict >= 0
            ? verdict
            : throw Bad(node, key, file, $"'{name}' is not proved, refuted or unknown");
    }

    private static InputException Bad(JsonNode? node, string key, string file, string problem) =>
        new(file, $"{node?.GetPath() ?? "$"}.{key}", problem);
}
