using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using GeneralizationProofs.Catalog;
using GeneralizationProofs.Policy;

namespace GeneralizationProofs.Harness.External;

/// <summary>
/// The protocol names a catalog by a file path, and a campaign's catalogs exist only in memory, so every catalog is
/// written once to a temporary file in the shared format. Files are keyed by content (the campaign builds a new
/// catalog object per property of the same case, and the peers' adapters cache by path) and by object (so a large
/// catalog is hashed once); all are deleted when the strategy is disposed.
/// </summary>
internal sealed class CatalogFiles : IDisposable
{
    private readonly ConditionalWeakTable<ActionCatalog, string> _byObject = [];
    private readonly Dictionary<string, string> _byContent = new(StringComparer.Ordinal);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"genproof-catalogs-{Environment.ProcessId}-{Guid.NewGuid():N}");

    public string PathOf(ActionCatalog catalog)
    {
        if (_byObject.TryGetValue(catalog, out var known))
        {
            return known;
        }
        var text = Text(catalog);
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];
        if (!_byContent.TryGetValue(hash, out var path))
        {
            Directory.CreateDirectory(_folder);
            path = Path.Combine(_folder, $"catalog-{hash}.json");
            File.WriteAllText(path, text, new UTF8Encoding(false));
            _byContent[hash] = path;
        }
        _byObject.AddOrUpdate(catalog, path);
        return path;
    }

    /// <summary>The shared format: <c>{"source", "date", "services": {"s3": ["GetObject", …]}}</c>, catalog order.</summary>
    public static string Text(ActionCatalog catalog)
    {
        var services = new JsonObject();
        foreach (var action in catalog.Actions)
        {
            var colon = action.IndexOf(':');
            var (service, name) = colon < 0 ? (action, "") : (action[..colon], action[(colon + 1)..]);
            if (services[service] is not JsonArray names)
            {
                services[service] = names = [];
            }
            names.Add((JsonNode)name); // a JsonNode, not the generic Add<T>, which needs reflection (Native AOT)
        }
        var document = new JsonObject { ["source"] = catalog.Source, ["date"] = catalog.Date, ["services"] = services };
        return PolicyDocument.Write(document);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
