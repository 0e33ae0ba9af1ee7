using GeneralizationProofs.Catalog;
using Xunit;

namespace GeneralizationProofs.Tests;

/// <summary>
/// <see cref="ActionCatalog.Load"/> reads a plain catalog in one streaming pass (start-up) and hands anything else to
/// the full reader: both must give the same catalog, and bad input the full reader's message.
/// </summary>
public sealed class CatalogReaderTests : IDisposable
{
    private readonly string _file = Path.GetTempFileName();

    public void Dispose() => File.Delete(_file);

    private static ActionCatalog Full(string file) => ActionCatalog.Parse(JsonInput.ReadFile(file), file);

    [SkippableTheory]
    [InlineData("aws-2020-11-20.json")]
    [InlineData("aws-2024-06-16.json")]
    [InlineData("aws-2026-08-21.json")]
    public void TheStreamingReaderGivesTheFullReadersCatalog(string name)
    {
        var file = TestData.Path($"catalogs/{name}");
        var fast = ActionCatalog.Load(file);
        var full = Full(file);
        Assert.Equal(full.Actions, fast.Actions);
        Assert.Equal((full.Source, full.Date), (fast.Source, fast.Date));
        Assert.Equal(full.Actions.Order(Patterns.AsciiCase.Comparer), fast.Actions); // the order the binary searches rely on
    }

    [Theory]
    [InlineData("""{"services": {"s3": ["GetObject", "getobject", "PutObject"], "ec2": ["Run"]}, "extra": 1}""")]
    [InlineData("""{"date": 5, "services": {"s3": ["GetObject"]}}""")] // not a string: the full reader's ToString
    [InlineData("""{"nested": {"a": [1, {"b": 2}]}, "services": {"s3": ["GetObject"]}, "source": "x"}""")]
    [InlineData("\uFEFF{\"services\": {\"s3\": [\"GetObject\"]}}")]
    public void PlainAndUnusualShapesReadTheSame(string json)
    {
        File.WriteAllText(_file, json);
        var fast = ActionCatalog.Load(_file);
        var full = Full(_file);
        Assert.Equal(full.Actions, fast.Actions);
        Assert.Equal((full.Source, full.Date), (fast.Source, fast.Date));
    }

    [Theory]
    [InlineData("""{"services": {"s3": ["GetObject"], "s3": ["PutObject"]}}""", "duplicate key")]
    [InlineData("""{"services": {"s3": ["GetObject"]}, "services": {}}""", "duplicate key")]
    [InlineData("""{"services": {"s3": ["Get*"]}}""", "an action name is one or more of")]
    [InlineData("""{"services": {"s3": [5]}}""", "expected a string action name")]
    [InlineData("{\"services\": {\"s3\": [\"Get\u212AObject\"]}}", "U+212A at offset 3")] // the grammar on the fast path too
    [InlineData("""{"services": {"s3": ["GetObject"], "EC2": ["Run"]}}""", "a service prefix is one or more of")]
    [InlineData("""{"services": {"s:3": ["GetObject"]}}""", "service prefix")]
    [InlineData("""{"services": {"s3": ["GetObject"]}} x""", "malformed JSON")]
    [InlineData("""{"services": {"s3": ["\ud800"]}}""", "unpaired")]
    public void BadCatalogsGetTheFullReadersMessage(string json, string expected)
    {
        File.WriteAllText(_file, json);
        var e = Assert.Throws<InputException>(() => ActionCatalog.Load(_file));
        Assert.Contains(expected, e.Message);
        Assert.Equal(Assert.Throws<InputException>(() => Full(_file)).Message, e.Message);
    }
}
