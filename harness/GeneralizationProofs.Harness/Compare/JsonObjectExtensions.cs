using System.Text.Json.Nodes;

namespace GeneralizationProofs.Harness.Compare;

internal static class JsonObjectExtensions
{
    public static JsonObject Also(this JsonObject o, Action<JsonObject> change)
    {
        change(o);
        return o;
    }
}
