using System.Text;
using GeneralizationProofs.Harness.Corpus;
using static GeneralizationProofs.Harness.Corpus.CorpusReport;

namespace GeneralizationProofs.Harness.Compare;

/// <summary>
/// The HTML side of <c>compare --report</c>: <c>index.html</c> (counts, and the changed policies biggest first, in a
/// table to sort and filter) and one page per changed policy under <c>policies/</c> with both sides of every statement
/// and the witnesses. Self-contained like the corpus report, whose style and script it uses; written atomically.
/// </summary>
public static class ComparisonReport
{
    public static void Write(string folder, ComparisonSummary summary, bool failOnWider)
    {
        Directory.CreateDirectory(Path.Combine(folder, "policies"));
        var changed = summary.Biggest.ToList();
        var pages = changed.Select((p, i) => PageName(p, i)).ToList();
        for (var i = 0; i < changed.Count; i++)
        {
            JsonInput.WriteAtomically(Path.Combine(folder, "policies", pages[i]), PolicyPage(changed[i], summary));
        }
        JsonInput.WriteAtomically(Path.Combine(folder, "summary.json"), summary.Json());
        JsonInput.WriteAtomically(Path.Combine(folder, "junit.xml"), summary.Junit(failOnWider));
        JsonInput.WriteAtomically(Path.Combine(folder, "index.html"), Index(summary, changed, pages));
    }

    private static string PageName(ComparedPolicy p, int index)
    {
        var id = Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(p.File))) + "-" + Path.GetFileNameWithoutExtension(p.File);
        return $"{index:D4}-{new string(id.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_').ToArray())}.html";
    }

    private static string Css(Relation relation) => relation switch
    {
        Relation.Equal => "proved",
        Relation.RightWider or Relation.Incomparable => "refuted",
        Relation.LeftWider => "muted",
        _ => "unknown",
    };

    public static string Index(ComparisonSummary summary, IReadOnlyList<ComparedPolicy> changed, IReadOnlyList<string> pages)
    {
        var sb = new StringBuilder(Head("genproof compare report"));
        sb.Append("<h1>What the change did</h1>\n");
        sb.Append($"<p>Left <b>{E(summary.Left)}</b>, right <b>{E(summary.Right)}</b>: {summary.Policies.Count} policies compared ")
          .Append($"over all strings in {N(summary.Seconds, "F1")} s. Every difference is proved by the solver and its witness ")
          .Append("re-checked by the core matcher.</p>\n<div class=\"cards\">");
        var cards = new (string Label, int Count, Relation Css)[]
        {
            ("changed", summary.Changed, Relation.Incomparable), ("right wider", summary.Count(Relation.RightWider), Relation.RightWider),
            ("right narrower", summary.Count(Relation.LeftWider), Relation.LeftWider),
            ("incomparable", summary.Count(Relation.Incomparable), Relation.Incomparable),
            ("unknown", summary.Count(Relation.Unknown), Relation.Unknown), ("equal", summary.Count(Relation.Equal), Relation.Equal),
        };
        foreach (var (label, count, css) in cards)
        {
            sb.Append($"<div class=\"card\"><b class=\"{Css(css)}\">{count}</b>{E(label)}</div>");
        }
        sb.Append("</div>\n<h2>Changed policies, biggest difference first</h2>\n");
        sb.Append("<input id=\"filter\" placeholder=\"filter\" aria-label=\"filter policies\">\n");
        sb.Append("<table id=\"policies\"><thead><tr><th>policy</th><th>relation</th><th class=\"num\">catalog left only</th>")
          .Append("<th class=\"num\">catalog right only</th><th class=\"num\">future left only</th>")
          .Append("<th class=\"num\">future right only</th>")
          .Append("</tr></thead><tbody>\n");
        for (var i = 0; i < changed.Count; i++)
        {
            var p = changed[i];
            var c = p.Comparison;
            sb.Append($"<tr><td><a href=\"policies/{pages[i]}\">{E(p.Name)}</a></td>")
              .Append($"<td class=\"{Css(p.Relation)}\">{E(PolicyComparison.Name(p.Relation))}</td>")
              .Append($"<td class=\"num\">{c?.LeftOnlyCatalog.Count}</td><td class=\"num\">{c?.RightOnlyCatalog.Count}</td>")
              .Append($"<td class=\"num\">{c?.Future.Sum(f => f.LeftOnly)}</td>")
              .Append($"<td class=\"num\">{c?.Future.Sum(f => f.RightOnly)}</td></tr>\n");
        }
        sb.Append("</tbody></table>\n<p class=\"muted\">Also in this folder: <a href=\"summary.json\">summary.json</a>, ")
          .Append("<a href=\"junit.xml\">junit.xml</a>.</p>\n");
        return sb.Append($"<script>{SortScript}</script>\n</body></html>\n").ToString();
    }

    public static string PolicyPage(ComparedPolicy p, ComparisonSummary summary)
    {
        var sb = new StringBuilder(Head($"{p.Name}: genproof compare"));
        sb.Append("<p><a href=\"../index.html\">&larr; all changed policies</a></p>\n");
        sb.Append($"<h1>{E(p.Name)} <span class=\"{Css(p.Relation)}\">{E(PolicyComparison.Name(p.Relation))}</span></h1>\n");
        sb.Append($"<p class=\"muted\">{E(p.File)}</p>\n");
        if (p.Comparison is not { } c)
        {
            sb.Append($"<p>Not compared: {E(p.Problem)}</p>\n");
            return sb.Append("</body></html>\n").ToString();
        }
        sb.Append($"<p>Left <b>{E(summary.Left)}</b>: {c.Patterns.Left} patterns, {c.Characters.Left} characters. ")
          .Append($"Right <b>{E(summary.Right)}</b>: {c.Patterns.Right} patterns, {c.Characters.Right} characters.</p>\n");
        foreach (var s in c.Statements)
        {
            sb.Append($"<h2>{E(s.Label)}: <span class=\"{Css(s.Relation)}\">{E(PolicyComparison.Name(s.Relation))}</span></h2>\n");
            Witness(sb, "granted by the left only", s.LeftOnly, "del");
            Witness(sb, "granted by the right only", s.RightOnly, "add");
            if (s.Reason is { } reason)
            {
                sb.Append($"<p class=\"unknown\">unknown: {E(reason)}</p>\n");
            }
            sb.Append("<table class=\"sides\"><thead><tr><th>left</th><th>right</th></tr></thead><tbody><tr>")
              .Append($"<td><pre>{E(string.Join('\n', s.Left))}</pre></td><td><pre>{E(string.Join('\n', s.Right))}</pre></td>")
              .Append("</tr></tbody></table>\n");
        }
        sb.Append("<h2>Catalog and future actions granted by one side only</h2>\n<table><thead><tr><th>catalog</th>")
          .Append("<th class=\"num\">left only</th><th class=\"num\">right only</th></tr></thead><tbody>\n")
          .Append($"<tr><td>compared catalog</td><td class=\"num\">{c.LeftOnlyCatalog.Count}</td>")
          .Append($"<td class=\"num\">{c.RightOnlyCatalog.Count}</td></tr>\n");
        foreach (var f in c.Future)
        {
            sb.Append($"<tr><td>{E(f.Catalog)} ({f.NewActions} new)</td><td class=\"num\">{f.LeftOnly}</td>")
              .Append($"<td class=\"num\">{f.RightOnly}</td></tr>\n");
        }
        sb.Append("</tbody></table>\n");
        Actions(sb, "Catalog actions the left grants and the right does not", c.LeftOnlyCatalog);
        Actions(sb, "Catalog actions the right grants and the left does not", c.RightOnlyCatalog);
        foreach (var note in c.Notes)
        {
            sb.Append($"<p class=\"muted\">note: {E(note)}</p>\n");
        }
        return sb.Append("</body></html>\n").ToString();
    }

    private static void Witness(StringBuilder sb, string what, Witness? witness, string css)
    {
        if (witness is not null)
        {
            sb.Append($"<p>Witness {what}: <code class=\"{css} witness\">{E(witness.Action)}</code> ")
              .Append(witness.InCatalog ? "(a catalog action)" : "(in no catalog action)").Append("</p>\n");
        }
    }

    private static void Actions(StringBuilder sb, string title, IReadOnlyList<string> actions)
    {
        if (actions.Count > 0)
        {
            sb.Append($"<h3>{E(title)} ({actions.Count})</h3>\n<pre>{E(string.Join('\n', actions.Take(500)))}")
              .Append(actions.Count > 500 ? $"\n… {actions.Count - 500} more" : "").Append("</pre>\n");
        }
    }
}
