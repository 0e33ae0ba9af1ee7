using System.Globalization;
using System.Text.Json;

namespace GeneralizationProofs.Harness.Reports;

/// <summary>
/// The line of a JSON file where the value at a path starts (<c>$.document.Statement[3]</c>, the places the policy
/// reader names), so that a finding points at the statement in the user's file. The parsed model keeps no
/// positions, so this reads the file's bytes once more with <see cref="Utf8JsonReader"/>.
/// </summary>
public static class JsonLines
{
    /// <summary>1-based line of the value at <paramref name="place"/>; 1 when the path is not found or the file is not JSON.</summary>
    public static int LineOf(ReadOnlySpan<byte> json, string place)
    {
        // Utf8JsonReader refuses a byte order mark; the reader of policies accepts one.
        var body = json.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? json[3..] : json;
        var offset = json.Length - body.Length;
        try
        {
            var reader = new Utf8JsonReader(body);
            if (!reader.Read())
            {
                return 1;
            }
            foreach (var segment in Segments(place))
            {
                if (!Enter(ref reader, segment))
                {
                    return 1;
                }
            }
            return 1 + json[..(offset + (int)reader.TokenStartIndex)].Count((byte)'\n');
        }
        catch (JsonException)
        {
            return 1;
        }
    }

    /// <summary>Moves the reader from the start of a container to the start of its member (a key, or an index).</summary>
    private static bool Enter(ref Utf8JsonReader reader, object segment)
    {
        if (segment is string key && reader.TokenType == JsonTokenType.StartObject)
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var found = reader.ValueTextEquals(key);
                reader.Read();
                if (found)
                {
                    return true;
                }
                reader.Skip();
            }
            return false;
        }
        if (segment is int index && reader.TokenType == JsonTokenType.StartArray)
        {
            for (var i = 0; reader.Read() && reader.TokenType != JsonTokenType.EndArray; i++)
            {
                if (i == index)
                {
                    return true;
                }
                reader.Skip();
            }
        }
        return false;
    }

    /// <summary><c>$.a.b[2].c</c> as "a", "b", 2, "c" (keys here never contain '.', '[' or ']').</summary>
    private static IEnumerable<object> Segments(string place)
    {
        foreach (var part in place.TrimStart('$').Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var bracket = part.IndexOf('[');
            if (bracket != 0)
            {
                yield return bracket < 0 ? part : part[..bracket];
            }
            for (var rest = bracket < 0 ? "" : part[bracket..]; rest.StartsWith('['); rest = rest[(rest.IndexOf(']') + 1)..])
            {
                yield return int.Parse(rest[1..rest.IndexOf(']')], CultureInfo.InvariantCulture);
            }
        }
    }
}
