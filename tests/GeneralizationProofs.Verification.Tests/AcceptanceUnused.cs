namespace GeneralizationProofs.Verification.Tests;

/// <summary>The acceptance example's unused s3 actions as full names.</summary>
public static class AcceptanceUnused
{
    public static readonly string[] S3 = GeneralizationProofs.Refinement.AcceptanceExample.UnusedS3.Select(a => "s3:" + a).ToArray();
}
