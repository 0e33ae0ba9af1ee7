using System.Text;
using System.Text.Json;

namespace GeneralizationProofs;

/// <summary>
/// Places in JSON text as messages name them: a JSON path (<c>$.Statement[0].Effect</c>) for what the readers find
/// wrong in a value, and 1-based line and column, counted in characters, for what is wrong in the text itself.
/// System.Text.Json reports a 0-based line and a 0-based byte offset into the UTF-8 line; an editor shows neither.
/// </summary>
public static class JsonPlaces
{
    /// <summary>The member <paramref name="key"/> of the object at <paramref name="path"/>, with the key shown safely.</summary>
    public static string Member(string path, string key) =>
        key.Length is > 0 and <= InputException.MaxShown && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-')
            ? $"{path}.{key}"
            : $"{path}[\"{InputException.Shown(key).Replace("\"", "\\\"")}\"]";

    /// <summary>"line L, column C" for a 0-based line and a byte offset into that line of the text's UTF-8 form.</summary>
    public static string LineAndColumn(string text, long line, long byteInLine)
    {
        var utf8 = Encoding.UTF8.GetBytes(text);
        var start = 0;
        for (var seen = 0L; seen < line && start < utf8.Length; start++)
        {
            if (utf8[start] == '\n')
            {
                seen++;
            }
        }
        return $"line {line + 1}, column {Characters(utf8, start, start + byteInLine) + 1}";
    }

    /// <summary>The first key that repeats within one object, in document order: its object's path and where it is.</summary>
    public static (string ObjectPath, string Key, string Place)? FirstDuplicateKey(string text)
    {
        var utf8 = Encoding.UTF8.GetBytes(text);
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
        var open = new Stack<Container>();
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    var key = KeyText(ref reader);
                    var obj = open.Peek();
                    if (!obj.Keys!.Add(key))
                    {
                        var (line, column) = Position(utf8, reader.TokenStartIndex);
                        return (obj.Path, key, $"line {line}, column {column}");
                    }
                    obj.LastKey = key;
                    break;
                case JsonTokenType.StartObject or JsonTokenType.StartArray:
                    var path = open.TryPeek(out var parent) ? parent.NextChildPath() : "$";
                    open.Push(new Container(path, reader.TokenType == JsonTokenType.StartObject));
                    break;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    open.Pop();
                    break;
                default:
                    if (open.TryPeek(out var container))
                    {
                        container.NextChildPath();
                    }
                    break;
            }
        }
        return null;
    }

    private static string KeyText(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString()!;
        }
        // An unpaired surrogate escape cannot be decoded; its escaped spelling still tells keys apart.
        catch (InvalidOperationException)
        {
            return Encoding.UTF8.GetString(reader.ValueSpan);
        }
    }

    private static (long Line, long Column) Position(byte[] utf8, long offset)
    {
        var lineStart = Array.LastIndexOf(utf8, (byte)'\n', (int)Math.Max(0, offset - 1)) + 1;
        var line = 1 + utf8.AsSpan(0, lineStart).Count((byte)'\n');
        return (line, Characters(utf8, lineStart, offset) + 1);
    }

    /// <summary>Characters (code points) in a UTF-8 range: every byte that does not continue a sequence starts one.</summary>
    private static long Characters(byte[] utf8, long from, long to)
    {
        var count = 0L;
        for (var i = from; i < Math.Min(to, utf8.Length); i++)
        {
            count += (utf8[i] & 0xC0) == 0x80 ? 0 : 1;
        }
        return count;
    }

    private sealed class Container(string path, bool isObject)
    {
        public string Path { get; } = path;
        public HashSet<string>? Keys { get; } = isObject ? new(StringComparer.Ordinal) : null;
        public string? LastKey { get; set; }
        private int _index = -1;

        /// <summary>The path of the value that comes next in this container.</summary>
        public string NextChildPath() => Keys is null ? $"{Path}[{++_index}]" : Member(Path, LastKey ?? "");
    }
}
