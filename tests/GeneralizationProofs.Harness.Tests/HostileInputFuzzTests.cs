using System.Diagnostics;
using System.Text;
using Xunit;
using Xunit.Abstractions;

namespace GeneralizationProofs.Tests;

/// <summary>
/// Seeded hostile inputs (issue 16) for each input file (policy, unused actions, catalog) and each numeric option,
/// run through the CLI in-process. For every one: exit code 0, 1 or 2; no "Unhandled exception" or stack frame on
/// stderr; no output file or folder unless the exit code is 0 (for verify's --smt-out: unless the proof ran).
/// GENPROOF_FUZZ_SEED picks another seed.
/// </summary>
[Collection(CliCollection.Name)]
public sealed class HostileInputFuzzTests(CliFixture files, ITestOutputHelper log) : IClassFixture<CliFixture>
{
    private const int FileCases = 100; // per input file
    private const int OptionCases = 150;

    private static int Seed => int.TryParse(Environment.GetEnvironmentVariable("GENPROOF_FUZZ_SEED"), out var s) ? s : 16;

    [Fact]
    public void HostilePoliciesUnusedListsAndCatalogs()
    {
        var random = new Random(Seed);
        var watch = Stopwatch.StartNew();
        var codes = new int[3];
        var valid = new[] { File.ReadAllText(files.Policy), File.ReadAllText(files.Unused), File.ReadAllText(files.Catalog) };
        for (var i = 0; i < 3 * FileCases; i++)
        {
            var which = i % 3;
            var text = HostileText(random, valid[which], which);
            // One case in ten is not text at all: invalid UTF-8 bytes spliced into the file.
            var input = random.Next(10) == 0
                ? files.WriteBytes($"fuzz-{which}.json", [.. Encoding.UTF8.GetBytes(text[..(text.Length / 2)]), 0xC3, 0x28, 0xFF, 0xFE])
                : files.Write($"fuzz-{which}.json", text);
            var (policy, unused, catalog) = which switch
            {
                0 => (input, files.Unused, files.Catalog),
                1 => (files.Policy, input, files.Catalog),
                _ => (files.Policy, files.Unused, input),
            };
            var output = Path.Combine(files.Dir, $"fuzz-out-{i}.json");
            // Every fifth case is proved as well; the rest are refined (the readers are the same).
            var args = i % 5 == 0
                ? new[] { "verify", "--policy", policy, "--unused", unused, "--catalog", catalog, "--refined", files.Refined,
                    "--smt-out", output, "--timeout-ms", "2000" }
                : ["refine", "--policy", policy, "--unused", unused, "--catalog", catalog, "--out", output];
            var result = CliRunner.InProcess(args);
            result.AssertNoCrash($"case {i} (seed {Seed}), {new[] { "policy", "unused", "catalog" }[which]}:\n{Shorten(text)}");
            // refine writes only on success; verify's --smt-out belongs to a finished proof (refuted and unknown
            // obligations are the ones worth re-checking), so it must be absent only when the input was refused.
            var finished = args[0] == "refine" ? result.Code == 0 : result.Out.Length > 0;
            Assert.True(finished || !Path.Exists(output), $"case {i}: exit {result.Code} but {output} was written");
            codes[Math.Min(result.Code, 2)]++;
        }
        log.WriteLine($"seed {Seed}: {3 * FileCases} file cases, exit 0/1/2: {string.Join("/", codes)}, {watch.Elapsed.TotalSeconds:F1} s");
        Assert.True(codes[2] > FileCases, "most hostile files are refused");
    }

    [Fact]
    public void HostileNumericOptions()
    {
        var random = new Random(Seed);
        string[] values = ["-1", "0", "1", "2", "0.5", "NaN", "Infinity", "-Infinity", "1e309", "abc", "", " ", "2147483648", "-2147483649",
            "99999999999999999999", "0x10", "1,5", "--", "\u0000"];
        var options = new (string Verb, string Option)[]
        {
            ("measure", "--runs"), ("measure", "--unused-rate"), ("measure", "--seed"),
            ("corpus", "--unused-rate"), ("corpus", "--jobs"), ("corpus", "--sample"), ("corpus", "--timeout-ms"), ("corpus", "--seed"),
            ("verify", "--timeout-ms"), ("verify", "--rlimit"),
            ("check", "--cases"), ("check", "--max-actions"), ("check", "--case"), ("check", "--seed"),
            ("bench-report", "--proofs"), ("bench-report", "--sample"), ("bench-report", "--unused-rate"), ("bench-report", "--seed"),
        };
        var folder = Directory.CreateDirectory(Path.Combine(files.Dir, "fuzz-policies")).FullName;
        File.Copy(files.Policy, Path.Combine(folder, "policy.json"), overwrite: true);
        var catalogs = Directory.CreateDirectory(Path.Combine(files.Dir, "fuzz-catalogs")).FullName;
        File.WriteAllText(Path.Combine(catalogs, "a.json"), File.ReadAllText(files.Catalog).Replace("\"test\"", "\"2024\""));
        File.WriteAllText(Path.Combine(catalogs, "b.json"), File.ReadAllText(files.Catalog).Replace("\"test\"", "\"2025\""));
        for (var i = 0; i < OptionCases; i++)
        {
            var (verb, option) = options[random.Next(options.Length)];
            var value = values[random.Next(values.Length)];
            var output = Path.Combine(files.Dir, $"fuzz-opt-{i}");
            // Each verb on a small job, so that an accepted value finishes quickly.
            string[] args = verb switch
            {
                "measure" => ["measure", "--catalog", files.Catalog, "--patterns", "s3:Get*", "--runs", "1", "--no-verify"],
                "corpus" => ["corpus", "--catalog", files.Catalog, "--policies", folder, "--report", output, "--timeout-ms", "2000"],
                "verify" => ["verify", "--policy", files.Policy, "--unused", files.Unused, "--catalog", files.Catalog,
                    "--refined", files.Refined, "--smt-out", output, "--timeout-ms", "2000"],
                "check" => ["check", "--cases", "1", "--max-actions", "6", "--properties", "differential"],
                _ => ["bench-report", "--out", output, "--policies", folder, "--catalogs", catalogs, "--proofs", "0"],
            };
            // The fuzzed option comes last, so it wins over the small job's own setting.
            var result = CliRunner.InProcess([.. args, option, value]);
            var what = $"option case {i} (seed {Seed}): {verb} {option} '{value}'";
            result.AssertNoCrash(what);
            var finished = verb is "verify" or "corpus" ? result.Out.Length > 0 : result.Code == 0; // as above
            Assert.True(finished || !Path.Exists(output), $"{what}: exit {result.Code} but {output} was written");
            if (result.Code == 2 && result.Err.Contains("must be"))
            {
                Assert.Contains(option, result.Err);
            }
        }
    }

    /// <summary>A valid file, broken in one of the ways a careless or hostile user would.</summary>
    private static string HostileText(Random random, string valid, int which)
    {
        var limit = InputLimits.MaxActionLength;
        string Long(int n) => "s3:" + new string("?*AbC"[random.Next(5)], n - 3);
        string[] keyed = which switch
        {
            0 =>
            [
                """{"Statement": [{"Effect": "Allow", "Action": "s3:Get*", "Resource": 42}]}""",
                """{"Statement": [{"Effect": "Allow", "Action": "s3:Get*", "Resource": "*", "Condition": "yes"}]}""",
                """{"Statement": [{"Effect": "Allow", "Action": "s3:Get*", "Resource": "*", "Sid": 5, "Principal": []}]}""",
                """{"Statement": [{"Effect": "Allow", "Action": "s3:Get*", "Resource": "*", "NotResource": "*"}]}""",
                """{"Statement": [{"Effect": "Allow", "Action": [], "Resource": "*"}]}""",
                """{"Statement": [{"Effect": "Allow", "NotAction": "iam:*"}, {"Effect": "Deny", "Action": "*", "Resource": "*"}]}""",
                """{"Statement": "x"}""", """{"document": 5}""", """{"PolicyVersion": {"Document": []}}""",
                CliFixture.PolicyJson(Long(limit)), CliFixture.PolicyJson(Long(limit + 1)),
                CliFixture.PolicyJson("s3:Get\u0001", "\u00e9:*"),
            ],
            1 =>
            [
                $$"""[{"serviceNamespace": "s3", "actions": ["{{new string('A', limit + 1)}}"]}]""",
                """{"findingType": "UnusedIAMRole", "findingDetails": [{"unusedIamRoleDetails": {}}]}""",
                """{"findingDetails": [{"unusedPermissionDetails": {"serviceNamespace": "s3", "actions": [{"action": 5}]}}]}""",
                """[{"serviceNamespace": "s3", "actions": ["Get*"]}]""", """[{"serviceNamespace": "", "actions": []}]""",
                """[{"serviceNamespace": "s3", "actions": ["iam:GetRole"]}]""", """[{"serviceNamespace": "s3", "actions": ["GetGone"]}]""",
            ],
            _ =>
            [
                """{"services": {"s3": ["Get\u0000Object"]}}""", """{"services": {"": ["A"]}}""", """{"services": {"s3": "GetObject"}}""",
                """{"services": {"s3": [""]}}""", """{"services": {}}""", """{"services": {"s3": ["Get*"]}}""",
                "{\"services\": {\"s3\": [\"GetObject\", \"" + new string('B', limit) + "\"]}}",
            ],
        };
        switch (random.Next(6))
        {
            case 0:
                return keyed[random.Next(keyed.Length)];
            case 1: // truncated
                return valid[..random.Next(valid.Length)];
            case 2: // a random character inserted or replaced
                var chars = new[] { '"', '{', '}', '[', ']', ',', ':', '\\', '\0', '\u0001', '\u00ff', '\ud800', '*', '?', 'A' };
                var at = random.Next(valid.Length);
                return valid[..at] + chars[random.Next(chars.Length)] + valid[(at + random.Next(2))..];
            case 3: // deep nesting
                var depth = random.Next(50, 5000);
                return new string('[', depth) + new string(']', depth);
            case 4: // wrong encodings and whitespace
                string[] odd = ["", " ", "\uFEFF" + valid, "null", "true", "1e999", "\"s3:*\"", valid + valid, valid.Replace("\"", "'")];
                return odd[random.Next(odd.Length)];
            default: // a large duplicated key set
                var sb = new StringBuilder("{");
                for (var k = random.Next(2, 2000); k > 0; k--)
                {
                    sb.Append("\"Statement\": [], ");
                }
                return sb.Append("\"x\": 1}").ToString();
        }
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + $"… ({text.Length} chars)";
}
