using System.Diagnostics;
using GeneralizationProofs.Verification.Solver;
using Xunit;

namespace GeneralizationProofs.Tests;

/// <summary>Exported obligations give the same answer under Debian's z3 and cvc5 binaries as in-process.</summary>
public class SmtLibExportTests
{
    private static readonly Query[] Queries =
    [
        Query.OverAllStrings("escape", ["s3:l*"], ["s3:List*"]),
        Query.OverAllStrings("inside", ["s3:GetObject*", "S3:getaccess*"], ["s3:Get*"]),
        Query.OverAllStrings("inner", ["autoscaling:Attach?oadBalancers"], ["autoscaling:*LoadBalancer*"]),
        Query.OverCandidates("sound", ["s3:GetBucketAcl", "s3:GetObject"], ["s3:GetB*"], []),
        Query.OverCandidates("complete", ["s3:GetObjectAcl"], ["*"], ["s3:GetObject", "s3:GetBucket*"]),
        Query.OverCandidates("none", ["s3:GetObjectAcl"], ["*"], ["s3:GetObject*"]),
        Query.OverAllStrings("non-ascii \" quote", ["é\"\\*"], ["é\"\\x*"]),
    ];

    [SkippableTheory]
    [InlineData("z3", "")]
    [InlineData("cvc5", "--strings-exp --lang smt2")]
    public void ExternalSolverAgrees(string binary, string flags)
    {
        var path = new[] { "/usr/bin", "/usr/local/bin" }.Select(d => Path.Combine(d, binary)).FirstOrDefault(File.Exists);
        if (path is null)
        {
            var message = $"{binary} not installed (apt-get install -y {binary})";
            if (Environment.GetEnvironmentVariable("CI") is { Length: > 0 })
            {
                Assert.Fail(message);
            }
            Skip.If(true, message);
        }
        using var session = new Z3Session();
        var dir = Directory.CreateTempSubdirectory("genproof-smt-");
        try
        {
            foreach (var query in Queries)
            {
                var expected = session.Decide(query).Kind;
                Assert.NotEqual(AnswerKind.Unknown, expected);
                var file = Path.Combine(dir.FullName, "q.smt2");
                File.WriteAllText(file, SmtLibWriter.Write(query));
                var info = new ProcessStartInfo(path!, $"{flags} {file}".Trim()) { RedirectStandardOutput = true,
                    RedirectStandardError = true };
                using var process = Process.Start(info)!;
                var output = process.StandardOutput.ReadToEnd().Trim();
                process.WaitForExit(60_000);
                Assert.Equal(expected == AnswerKind.Sat ? "sat" : "unsat", output);
            }
        }
        finally
        {
            dir.Delete(true);
        }
    }
}
