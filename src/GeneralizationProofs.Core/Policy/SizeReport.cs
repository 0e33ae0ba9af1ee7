namespace GeneralizationProofs.Policy;

/// <summary>A policy's size as IAM counts it, against the limit of its type.</summary>
public sealed record SizeReport(int Characters, int Limit, PolicyType Type)
{
    public bool Over => Characters > Limit;

    public string TypeName => PolicySize.Name(Type);

    /// <summary>The note refine prints on stderr: "size: N of LIMIT characters (managed)", plus how far over.</summary>
    public string Note => $"size: {Characters:N0} of {Limit:N0} characters ({TypeName})"
        + (Over ? $", over the limit by {Characters - Limit:N0}" : "");
}
