namespace GeneralizationProofs.Harness;

/// <summary>
/// The acceptance case of spec §1: role <c>MyRole</c>, its policy and the analyzer's unused list. The data comes
/// from the spec's text; the catalog it runs against is read from <c>../shared/catalogs/aws-2024-06-16.json</c>.
/// </summary>
public static class AcceptanceExample
{
    public const string CatalogFile = "catalogs/aws-2024-06-16.json";
    public const string RoleArn = "arn:aws:iam::123456789012:role/MyRole";

    public static readonly string[] LambdaActions =
    [
        "lambda:AddPermission", "lambda:GetFunctionConfiguration", "lambda:UpdateFunctionConfiguration",
        "lambda:UpdateFunctionCode", "lambda:CreateFunction", "lambda:DeleteFunction", "lambda:ListVersionsByFunction",
        "lambda:GetFunction", "lambda:Invoke*",
    ];

    public static readonly string[] UnusedS3 =
    [
        "GetBucketLocation", "GetBucketWebsite", "GetBucketPolicyStatus", "GetAccelerateConfiguration", "GetBucketPolicy",
        "GetBucketRequestPayment", "GetReplicationConfiguration", "GetBucketLogging", "GetBucketObjectLockConfiguration",
        "GetBucketNotification", "GetLifecycleConfiguration", "GetAnalyticsConfiguration", "GetBucketCORS",
        "GetInventoryConfiguration", "GetBucketPublicAccessBlock", "GetEncryptionConfiguration", "GetBucketAcl",
        "GetBucketVersioning", "GetBucketOwnershipControls", "GetBucketTagging", "GetIntelligentTieringConfiguration",
        "GetMetricsConfiguration",
    ];

    public static string PolicyJson =>
        $$"""
        {
          "Version": "2012-10-17",
          "Id": "MyRole",
          "Statement": [
            {
              "Sid": "Lambda",
              "Effect": "Allow",
              "Action": [{{string.Join(", ", LambdaActions.Select(a => $"\"{a}\""))}}],
              "Resource": "arn:aws:lambda:us-east-1:123456789012:function:my-function"
            },
            {
              "Sid": "S3",
              "Effect": "Allow",
              "Action": ["s3:Get*", "s3:List*"],
              "Resource": "*"
            }
          ]
        }
        """;

    /// <summary>Unused: every listed lambda action except the Invoke* family, and the spec's 22 s3 actions.</summary>
    public static string UnusedJson
    {
        get
        {
            var lambda = LambdaActions.Where(a => !a.EndsWith('*')).Select(a => $"\"{a.Split(':')[1]}\"");
            var s3 = UnusedS3.Select(a => $"\"{a}\"");
            return $$"""
                [
                  {"serviceNamespace": "lambda", "actions": [{{string.Join(", ", lambda)}}]},
                  {"serviceNamespace": "s3", "actions": [{{string.Join(", ", s3)}}]}
                ]
                """;
        }
    }
}
