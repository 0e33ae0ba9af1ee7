using System.Text.Json;
using System.Text.Json.Nodes;

namespace GeneralizationProofs;

/// <summary>Reads JSON files, turning every parse failure into an <see cref="InputException"/> with line and column.</summary>
public static class JsonInput
{
    private static readonly JsonDocumentOptions Options = new() { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow };

    public static JsonNode ReadFile(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new InputException(path, "file", $"cannot be read: {e.Message}");
        }
        return Parse(text, path);
    }

    public static JsonNode Parse(string text, string file)
    {
        try
        {
            var node = JsonNode.Parse(text, documentOptions: Options);
            if (node is null)
            {
                throw new InputException(file, "$", "the document is JSON null");
            }
            // JsonObject reports duplicate keys lazily; touching every object here reports them now, with a place.
            Validate(node, file, "$");
            return node;
        }
        catch (JsonException e)
        {
            var place = e.LineNumber is { } line ? $"line {line + 1}, column {(e.BytePositionInLine ?? 0) + 1}" : "document";
            throw new InputException(file, place, "malformed JSON: " + FirstSentence(e.Message));
        }
    }

    private static void Validate(JsonNode node, string file, string path)
    {
        switch (node)
        {
            case JsonObject obj:
                try
                {
                    _ = obj.Count;
                }
                catch (ArgumentException e)
                {
                    throw new InputException(file, path, "duplicate key: " + e.Message);
                }
                catch (InvalidOperationException)
                {
                    throw new InputException(file, path, "a key is not valid text (an unpaired \\u surrogate escape)");
                }
                foreach (var (key, child) in obj)
                {
                    if (child is not null)
                    {
                        Validate(child, file, $"{path}.{key}");
                    }
                }
                break;
            // Strings are decoded lazily: an unpaired surrogate escape ("\ud800") would throw later, far from here.
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                try
                {
                    _ = value.GetValue<string>();
                }
                catch (InvalidOperationException)
                {
                    throw new InputException(file, path, "not valid text (an unpaired \\u surrogate escape)");
                }
                break;
            case JsonArray arr:
                for (var i = 0; i < arr.Count; i++)
                {
                    if (arr[i] is { } child)
                    {
                        Validate(child, file, $"{path}[{i}]");
                    }
                }
                break;
        }
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }

    /// <summary>Writes a file atomically: to a temporary file beside it, then a rename, so a failure leaves no partial file.</summary>
    public static void WriteAtomically(string path, string content)
    {
        var full = Path.GetFullPath(path);
        var dir = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(dir);
        var temp = Path.Combine(dir, $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
        try
        {
            File.WriteAllText(temp, content);
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }
}
