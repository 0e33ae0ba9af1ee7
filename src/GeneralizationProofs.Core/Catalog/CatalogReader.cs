using System.Text.Json;

namespace GeneralizationProofs.Catalog;

/// <summary>
/// The fast reader of a catalog file, for start-up: one pass of <see cref="Utf8JsonReader"/> over the bytes, with no
/// document tree. It takes only the plain shape (an object of source, date and services, each service an array of
/// strings, no key twice) and returns null for anything else, which the full reader then reads and, if it is bad
/// input, names the place; so both readers accept the same files and give the same catalog.
/// </summary>
internal static class CatalogReader
{
    public static ActionCatalog? TryRead(ReadOnlySpan<byte> json, string path)
    {
        try
        {
            var reader = new Utf8JsonReader(json.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? json[3..] : json);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }
            string source = "", date = "";
            List<(string, IReadOnlyList<string>)>? services = null;
            var keys = new HashSet<string>(StringComparer.Ordinal);
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var key = reader.GetString()!;
                if (!keys.Add(key) || !reader.Read())
                {
                    return null;
                }
                switch (key)
                {
                    case "source" when reader.TokenType == JsonTokenType.String:
                        source = reader.GetString()!;
                        break;
                    case "date" when reader.TokenType == JsonTokenType.String:
                        date = reader.GetString()!;
                        break;
                    case "services" when reader.TokenType == JsonTokenType.StartObject:
                        services = ReadServices(ref reader);
                        break;
                    case "source" or "date" or "services":
                        return null;
                    default:
                        // Other keys may nest anything; the full reader checks their keys and text.
                        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                        {
                            return null;
                        }
                        if (reader.TokenType == JsonTokenType.String)
                        {
                            _ = reader.GetString(); // throws on text that is not valid, as the full reader refuses it
                        }
                        break;
                }
                if (services is null && key == "services")
                {
                    return null;
                }
            }
            // The closing brace, and nothing after it (more content throws here).
            if (reader.TokenType != JsonTokenType.EndObject || reader.Read() || services is null)
            {
                return null;
            }
            return ActionCatalog.Build(services, source, date, path);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    private static List<(string, IReadOnlyList<string>)>? ReadServices(ref Utf8JsonReader reader)
    {
        var services = new List<(string, IReadOnlyList<string>)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var service = reader.GetString()!;
            if (!seen.Add(service) || !reader.Read() || reader.TokenType != JsonTokenType.StartArray)
            {
                return null;
            }
            var names = new List<string>();
            while (reader.Read() && reader.TokenType == JsonTokenType.String)
            {
                names.Add(reader.GetString()!);
            }
            if (reader.TokenType != JsonTokenType.EndArray)
            {
                return null;
            }
            services.Add((service, names));
        }
        return services;
    }
}
