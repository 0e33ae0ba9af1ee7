using System.Text;
using GeneralizationProofs.Verification;

namespace GeneralizationProofs.Harness.Campaign;

public sealed record CampaignResult(string Strategy, int Seed, int Cases, IReadOnlyList<PropertyTally> Tallies,
    IReadOnlyList<CampaignFailure> Failures, double Seconds, string ReplayOptions = "")
{
    // An exec: strategy's name holds spaces: quoted, so a replay line can be pasted into a shell.
    private string QuotedStrategy => Strategy.Any(char.IsWhiteSpace) ? $"'{Strategy}'" : Strategy;

    /// <summary>Each property's first unknown case, so that an unknown can be replayed rather than only counted.</summary>
    public IReadOnlyList<CampaignUnknown> Unknowns { get; init; } = [];

    /// <summary>Refuted when a property failed (a claim refuted, or a metamorphic or reader property broken), Unknown when only
    /// unknowns.</summary>
    public Verdict Verdict => Tallies.Any(t => t.Fails > 0) ? Verdict.Refuted : Tallies.Any(t => t.Unknown > 0) ? Verdict.Unknown
        : Verdict.Proved;

    /// <summary>The summary table and each failed property's smallest counterexample with the command that replays it.</summary>
    public string Text(int maxActions)
    {
        var sb = new StringBuilder();
        sb.Append($"check: strategy '{Strategy}', {Cases} cases, seed {Seed}, at most {maxActions} catalog actions, {Seconds:F1} s\n");
        sb.Append($"{"property",-16} {"cases",6} {"proved",7} {"refuted",8} {"unknown",8} {"time",8}\n");
        foreach (var t in Tallies)
        {
            sb.Append($"{t.Property,-16} {t.Cases,6} {t.Holds,7} {t.Fails,8} {t.Unknown,8} {t.Seconds,6:F1} s\n");
        }
        foreach (var f in Failures)
        {
            sb.Append($"\nSMALLEST COUNTEREXAMPLE [{f.Property}] ")
              .Append($"(case {f.CaseIndex} of seed {f.Seed}, shrunk in {f.ShrinkSteps} steps):\n");
            sb.Append(f.Smallest.ToString());
            sb.Append(f.Message).Append('\n');
            sb.Append($"replay: genproof check --strategy {QuotedStrategy} --seed {f.Seed} --case {f.CaseIndex} ")
              .Append($"--max-actions {maxActions} --properties {f.Property}{ReplayOptions}\n");
        }
        foreach (var u in Unknowns)
        {
            sb.Append($"\nFIRST UNKNOWN [{u.Property}] (case {u.CaseIndex} of seed {Seed}):\n{u.Message}\n");
            sb.Append($"replay: genproof check --strategy {QuotedStrategy} --seed {Seed} --case {u.CaseIndex} --max-actions {maxActions} ")
                .Append($"--properties {u.Property}{ReplayOptions}\n");
        }
        sb.Append(Verdict switch
        {
            Verdict.Proved => "RESULT: every property held on every case\n",
            Verdict.Refuted => "RESULT: REFUTED (smallest counterexamples above)\n",
            _ => "RESULT: UNKNOWN on some case (no property failed)\n",
        });
        return sb.ToString();
    }
}
