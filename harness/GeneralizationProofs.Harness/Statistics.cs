namespace GeneralizationProofs.Harness;

public static class Statistics
{
    /// <summary>The middle value (the mean of the two middle ones for an even count); 0 for no values.</summary>
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? 0
            : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2]
            : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
