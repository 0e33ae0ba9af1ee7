using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GeneralizationProofs;

/// <summary>
/// Reads JSON files (or standard input, named <c>-</c>), turning every failure into an <see cref="InputException"/>
/// that says what a user needs: "not found", "is a directory", or where in the text the JSON is wrong.
/// </summary>
public static class JsonInput
{
    /// <summary>The path that means standard input, as in most command-line tools.</summary>
    public const string StandardInputPath = "-";

    /// <summary>How messages name standard input.</summary>
    public const string StandardInputName = "(stdin)";

    private static readonly JsonDocumentOptions Options = new()
    {
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
    };

    /// <summary>The name messages use for a path: <c>(stdin)</c> for <c>-</c>, else the path itself.</summary>
    public static string NameOf(string path) => path == StandardInputPath ? StandardInputName : path;

    /// <summary>
    /// Reads and parses a file, or standard input for <c>-</c> (<paramref name="standardInput"/> if given, else the
    /// process's own, read as UTF-8 like a file).
    /// </summary>
    public static JsonNode ReadFile(string path, TextReader? standardInput = null) =>
        Parse(ReadText(path, standardInput), NameOf(path));

    private static string ReadText(string path, TextReader? standardInput)
    {
        if (path == StandardInputPath)
        {
            if (standardInput is not null)
            {
                return standardInput.ReadToEnd();
            }
            using var stdin = new StreamReader(Console.OpenStandardInput(), new UTF8Encoding(false),
                detectEncodingFromByteOrderMarks: true);
            return stdin.ReadToEnd();
        }
        // Checked first: on Linux reading a directory fails as "access denied", which sends the user the wrong way.
        if (Directory.Exists(path))
        {
            throw new InputException(path, "file", "is a directory, not a file");
        }
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new InputException(path, "file", "not found");
        }
        catch (UnauthorizedAccessException)
        {
            throw new InputException(path, "file", "cannot be read: permission denied");
        }
        catch (PathTooLongException)
        {
            throw new InputException(path, "file", "cannot be read: the path is too long");
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            throw new InputException(path, "file", "is not a valid file name");
        }
        catch (IOException e)
        {
            throw new InputException(path, "file", $"cannot be read: {InputException.Shown(e.Message, InputException.MaxShownPath)}");
        }
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
            Validate(node, text, file, "$");
            return node;
        }
        catch (JsonException e)
        {
            var place = e.LineNumber is { } line ? JsonPlaces.LineAndColumn(text, line, e.BytePositionInLine ?? 0) : "document";
            throw new InputException(file, place, "malformed JSON: " + WithoutPosition(e.Message));
        }
    }

    private static void Validate(JsonNode node, string text, string file, string path)
    {
        switch (node)
        {
            case JsonObject obj:
                try
                {
                    _ = obj.Count;
                }
                catch (ArgumentException)
                {
                    throw DuplicateKey(text, file, path);
                }
                catch (InvalidOperationException)
                {
                    throw new InputException(file, path, "a key is not valid text (an unpaired \\u surrogate escape)");
                }
                foreach (var (key, child) in obj)
                {
                    if (child is not null)
                    {
                        Validate(child, text, file, JsonPlaces.Member(path, key));
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
                        Validate(child, text, file, $"{path}[{i}]");
                    }
                }
                break;
        }
    }

    /// <summary>The key and where it repeats, found again in the text: .NET's own message shows neither.</summary>
    private static InputException DuplicateKey(string text, string file, string objectPath) =>
        JsonPlaces.FirstDuplicateKey(text) is var (path, key, place)
            ? new InputException(file, place, $"duplicate key \"{InputException.Shown(key)}\" in the object at {path}")
            : new InputException(file, objectPath, "duplicate key");

    /// <summary>.NET's message without its own position ("LineNumber: 0 | BytePositionInLine: 15."): the place says it.</summary>
    private static string WithoutPosition(string message)
    {
        var cuts = new[] { " Path:", " LineNumber:" }.Select(m => message.IndexOf(m, StringComparison.Ordinal)).Where(i => i > 0);
        return cuts.Any() ? message[..cuts.Min()] : message;
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
