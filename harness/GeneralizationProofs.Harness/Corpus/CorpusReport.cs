using System.Globalization;
using System.Net;
using System.Text;
using GeneralizationProofs.Catalog;
using GeneralizationProofs.Generalization;
using GeneralizationProofs.Harness.Reports;
using GeneralizationProofs.Patterns;
using GeneralizationProofs.Policy;
using GeneralizationProofs.Refinement;
using GeneralizationProofs.Verification;

namespace GeneralizationProofs.Harness.Corpus;

/// <summary>
/// The report folder of a corpus run: summary.json, junit.xml and sarif.json for machines, index.html for people
/// (self-contained: inline style and script, no network) with one page per policy under <c>policies/</c>. Every file
/// is written atomically, so a failed run leaves no half-written file.
/// </summary>
public static class CorpusReport
{
    /// <summary>Trie rows drawn per wildcard; beyond it the picture says how many it left out.</summary>
    public const int MaxTrieRows = 400;

    public static void Write(string folder, CorpusSummary summary, ActionCatalog catalog, IPolicyStrategy strategy)
    {
        var proofs = summary.Proofs ?? throw new InvalidOperationException("a summary read back from JSON has no proofs to draw");
        Directory.CreateDirectory(Path.Combine(folder, "policies"));
        Parallel.For(0, proofs.Count, i => JsonInput.WriteAtomically(
            Path.Combine(folder, "policies", summary.Policies[i].Page), PolicyPage(proofs[i], catalog, strategy)));
        WriteReports(folder, summary);
    }

    /// <summary>The four files made from the summary alone (a merge writes these after copying the shards' pages).</summary>
    public static void WriteReports(string folder, CorpusSummary summary)
    {
        Directory.CreateDirectory(folder);
        JsonInput.WriteAtomically(Path.Combine(folder, "summary.json"), summary.Json());
        JsonInput.WriteAtomically(Path.Combine(folder, "junit.xml"), summary.JUnit());
        JsonInput.WriteAtomically(Path.Combine(folder, "sarif.json"), SarifWriter.Corpus(summary));
        JsonInput.WriteAtomically(Path.Combine(folder, "index.html"), Index(summary));
    }

    /// <summary>
    /// The position in the corpus (which keeps it unique, and the same whichever shard proved the policy), then the
    /// folder and file name reduced to characters safe in any file system and URL.
    /// </summary>
    public static string PageName(int index, string id)
    {
        var safe = new string(id.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_').ToArray());
        return $"{index:D4}-{safe}.html";
    }

    /// <summary>The report pages' style and table script, shared with the comparison report.</summary>
    internal const string Style = """
        body { font: 14px/1.45 system-ui, sans-serif; margin: 1.5em auto; max-width: 1200px; color: #1b1f24; padding: 0 1em; }
        h1 { font-size: 1.5em; } h2 { font-size: 1.15em; margin-top: 1.6em; }
        table { border-collapse: collapse; width: 100%; }
        th, td { border-bottom: 1px solid #d8dee4; padding: 4px 8px; text-align: left; }
        th { background: #f6f8fa; cursor: pointer; user-select: none; position: sticky; top: 0; }
        th.sorted-asc::after { content: " \25B2"; } th.sorted-desc::after { content: " \25BC"; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
        .proved { color: #1a7f37; font-weight: 600; } .refuted { color: #cf222e; font-weight: 600; }
        .unknown, .unreadable { color: #9a6700; font-weight: 600; }
        .cards { display: flex; gap: 1em; flex-wrap: wrap; }
        .card { border: 1px solid #d8dee4; border-radius: 6px; padding: .6em 1em; min-width: 8em; }
        .card b { display: block; font-size: 1.6em; }
        pre { background: #f6f8fa; padding: .8em; overflow-x: auto; border-radius: 6px; }
        .add { color: #1a7f37; } .del { color: #cf222e; } .hunk { color: #8250df; }
        input { font: inherit; padding: 3px 6px; margin: .5em 0; width: 20em; }
        .muted { color: #656d76; }
        """;

    internal const string SortScript = """
        for (const th of document.querySelectorAll('th')) {
          th.addEventListener('click', () => {
            const table = th.closest('table'), body = table.tBodies[0], column = th.cellIndex;
            const ascending = !th.classList.contains('sorted-asc');
            for (const other of table.querySelectorAll('th')) other.classList.remove('sorted-asc', 'sorted-desc');
            th.classList.add(ascending ? 'sorted-asc' : 'sorted-desc');
            const key = row => row.cells[column].dataset.v ?? row.cells[column].textContent;
            const numeric = th.classList.contains('num');
            const rows = [...body.rows].sort((a, b) => {
              const order = numeric ? key(a) - key(b) : key(a).localeCompare(key(b));
              return ascending ? order : -order;
            });
            body.append(...rows);
          });
        }
        const filter = document.getElementById('filter');
        if (filter) filter.addEventListener('input', () => {
          const words = filter.value.toLowerCase().split(/\s+/).filter(w => w);
          for (const row of document.querySelectorAll('#policies tbody tr'))
            row.hidden = !words.every(w => row.textContent.toLowerCase().includes(w));
        });
        // A sorted view can be linked: index.html#sort=prove ms (ascending) or #sort=-prove ms (descending).
        const wanted = decodeURIComponent(location.hash).match(/^#sort=(-?)(.+)$/);
        if (wanted) for (const th of document.querySelectorAll('#policies th'))
          if (th.textContent === wanted[2]) { th.click(); if (wanted[1]) th.click(); }
        document.documentElement.dataset.ready = 'yes'; // the script ran to the end (checked by the browser test)
        """;

    internal static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    internal static string N(double value, string format = "F0") => value.ToString(format, CultureInfo.InvariantCulture);

    private static string Status(PolicyStatus status) => status.ToString().ToLowerInvariant();

    internal static string Head(string title) =>
        $"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{E(title)}</title><style>{Style}</style></head><body>\n";

    public static string Index(CorpusSummary summary)
    {
        var s = summary.Settings;
        var sb = new StringBuilder(Head("genproof corpus report"));
        sb.Append("<h1>Regression proofs over the policy corpus</h1>\n");
        sb.Append($"<p>Strategy <b>{E(s.Strategy)}</b>, catalog {E(s.Catalog)} ({E(s.CatalogDate)}), ")
          .Append($"unused rate {N(s.UnusedRate, "0.##")}, ")
          .Append($"seed {s.Seed}{(s.Sample > 1 ? $", every {s.Sample}th policy" : "")}")
          .Append($"{(s.Shard is { } shard ? $", shard {shard}" : "")}, ")
          .Append($"{s.Jobs} jobs, {E(summary.Solver)}. ")
          .Append($"Each policy's unused actions are a seeded share of the catalog actions it grants. {E(Headline(summary))}</p>\n");
        sb.Append("<div class=\"cards\">");
        foreach (var status in Enum.GetValues<PolicyStatus>())
        {
            sb.Append($"<div class=\"card\"><b class=\"{Status(status)}\">{summary.Count(status)}</b>{Status(status)}</div>");
        }
        var slowest = summary.Slowest;
        sb.Append($"<div class=\"card\"><b>{N(summary.Seconds, "F1")} s</b>run time</div>");
        sb.Append($"<div class=\"card\"><b>{N(summary.MedianMs)} ms</b>median per policy</div>");
        if (slowest is not null)
        {
            sb.Append($"<div class=\"card\"><b>{N(slowest.Milliseconds / 1000, "F1")} s</b>slowest: {E(slowest.Name)}</div>");
        }
        sb.Append("</div>\n");
        var attention = summary.Policies.Where(p => p.Status != PolicyStatus.Proved).ToList();
        if (attention.Count > 0)
        {
            sb.Append("<h2>Not proved</h2>\n<ul>\n");
            foreach (var p in attention)
            {
                sb.Append($"<li><span class=\"{Status(p.Status)}\">{Status(p.Status)}</span> <a href=\"policies/{p.Page}\">{E(p.Id)}</a>: ")
                  .Append($"{E(CorpusSummary.Problem(p))}</li>\n");
            }
            sb.Append("</ul>\n");
        }
        sb.Append("<h2>Policies</h2>\n")
          .Append("<p class=\"muted\">Click a column to sort; type to filter (e.g. <code>refuted</code> or a policy name).</p>\n");
        sb.Append("<input id=\"filter\" placeholder=\"filter\" aria-label=\"filter policies\">\n");
        sb.Append("<table id=\"policies\"><thead><tr><th>policy</th><th>status</th>")
          .Append("<th class=\"num\">granted</th><th class=\"num\">unused</th>")
          .Append("<th class=\"num\">patterns before</th><th class=\"num\">patterns after</th>")
          .Append("<th class=\"num\">refine ms</th><th class=\"num\">prove ms</th></tr></thead><tbody>\n");
        foreach (var p in summary.Policies)
        {
            sb.Append($"<tr><td><a href=\"policies/{p.Page}\">{E(p.Id)}</a></td><td class=\"{Status(p.Status)}\">{Status(p.Status)}</td>")
              .Append($"<td class=\"num\">{p.GrantedActions}</td><td class=\"num\">{p.UnusedActions}</td>")
              .Append($"<td class=\"num\">{p.OriginalPatterns}</td><td class=\"num\">{p.RefinedPatterns}</td>")
              .Append($"<td class=\"num\" data-v=\"{N(p.RefineMs, "F3")}\">{N(p.RefineMs, "F1")}</td>")
              .Append($"<td class=\"num\" data-v=\"{N(p.ProveMs, "F3")}\">{N(p.ProveMs)}</td></tr>\n");
        }
        sb.Append("</tbody></table>\n<p class=\"muted\">Also in this folder: <a href=\"summary.json\">summary.json</a>, ")
          .Append("<a href=\"junit.xml\">junit.xml</a>, <a href=\"sarif.json\">sarif.json</a>.</p>\n");
        return sb.Append($"<script>{SortScript}</script>\n</body></html>\n").ToString();
    }

    /// <summary>The index's verdict sentence, from the results: it says "proved" only when every policy is.</summary>
    public static string Headline(CorpusSummary summary) => summary.Verdict switch
    {
        Verdict.Proved => $"Every property the strategy claims is proved on all {summary.Policies.Count} policies.",
        Verdict.Refuted => $"{summary.Count(PolicyStatus.Refuted)} of {summary.Policies.Count} policies are refuted: a claimed property "
            + "does not hold (counterexamples below); the others are listed with their status.",
        _ => $"Not every property is proved: {summary.Count(PolicyStatus.Unknown)} policies unknown, "
            + $"{summary.Count(PolicyStatus.Unreadable)} unreadable, of {summary.Policies.Count} (listed below).",
    };

    public static string PolicyPage(PolicyProof p, ActionCatalog catalog, IPolicyStrategy strategy)
    {
        var sb = new StringBuilder(Head($"{p.Name}: genproof corpus"));
        sb.Append("<p><a href=\"../index.html\">&larr; all policies</a></p>\n");
        sb.Append($"<h1>{E(p.Name)} <span class=\"{Status(p.Status)}\">{Status(p.Status)}</span></h1>\n");
        sb.Append($"<p class=\"muted\">{E(CorpusSummary.Id(p.File))}</p>\n");
        if (p.Report is not { } report || p.Refinement is not { } refinement)
        {
            sb.Append(p.Status == PolicyStatus.Unreadable
                ? $"<p>This policy could not be read: {E(p.Problem)}</p>\n"
                : $"<p>The strategy gave no refinement of this policy, so nothing was proved: {E(p.Problem)}</p>\n");
            return sb.Append("</body></html>\n").ToString();
        }
        sb.Append($"<p>{p.GrantedActions} catalog actions granted, {p.UnusedActions} of them marked unused; ")
          .Append($"{p.OriginalPatterns} action patterns before, ")
          .Append($"{p.RefinedPatterns} after. Refined in {N(p.RefineMs, "F1")} ms, proved in {N(p.ProveMs)} ms.</p>\n");

        sb.Append("<h2>Proofs</h2>\n<table><thead><tr><th>property</th><th>verdict</th>")
          .Append("<th class=\"num\">queries</th><th class=\"num\">ms</th></tr></thead><tbody>\n");
        foreach (var property in report.Properties)
        {
            var outcome = property.Verdict.ToString().ToLowerInvariant();
            sb.Append($"<tr><td>{E(PropertyKinds.Name(property.Property))}</td><td class=\"{outcome}\">{outcome}</td>")
              .Append($"<td class=\"num\">{property.Queries}</td><td class=\"num\">{N(property.Milliseconds, "F1")}</td></tr>\n");
        }
        sb.Append("</tbody></table>\n");
        if (p.Status != PolicyStatus.Proved)
        {
            sb.Append("<h2>Counterexamples and reasons</h2>\n<pre>").Append(E(ReportWriter.Text(report, withEvidence: false)))
                .Append("</pre>\n");
        }

        sb.Append("<h2>Refinement</h2>\n<pre>");
        foreach (var line in RefinementOutput.Diff(refinement).Split('\n'))
        {
            var css = line.StartsWith("+++") || line.StartsWith("---") ? "muted" : line.StartsWith('+') ? "add" : line.StartsWith('-')
                ? "del" : line.StartsWith("@@") ? "hunk" : null;
            sb.Append(css is null ? E(line) : $"<span class=\"{css}\">{E(line)}</span>").Append('\n');
        }
        sb.Append("</pre>\n");

        Explanation(sb, refinement, new GeneralizationContext(catalog, p.Unused!), strategy);
        if (strategy is TriePrefixGeneralizer trieStrategy)
        {
            var context = new GeneralizationContext(catalog, p.Unused!);
            var wildcards = refinement.Statements.SelectMany(st => st.Entries)
                .Where(e => e.Outcome == EntryOutcome.Replaced && new ActionPattern(e.Original).IsPrefixGlob)
                .Select(e => e.Original).Distinct(AsciiCase.EqualityComparer).ToList();
            if (wildcards.Count > 0)
            {
                sb.Append("<h2>Tries of the refined wildcards</h2>\n<p class=\"muted\">The nodes the walk decided: ")
                  .Append("<span class=\"proved\">green safe</span> (no unused action below), <span class=\"refuted\">red unsafe</span>; ")
                  .Append("a thick border marks what was emitted; the count is the catalog actions under the node.</p>\n");
            }
            foreach (var wildcard in wildcards)
            {
                var picture = TriePicture.Of(trieStrategy, new ActionPattern(wildcard), context);
                sb.Append($"<h3><code>{E(wildcard)}</code> &rarr; {picture.Emitted.Count} patterns</h3>\n")
                  .Append(TriePictureFormats.Svg(picture, MaxTrieRows)).Append('\n');
            }
        }
        return sb.Append("</body></html>\n").ToString();
    }

    /// <summary>The same explanation as <c>refine --format explain</c>, marked by kind; the refined JSON ready to copy.</summary>
    private static void Explanation(StringBuilder sb, PolicyRefinement refinement, GeneralizationContext context, IPolicyStrategy strategy)
    {
        sb.Append("<h2>Why</h2>\n<pre class=\"explain\">");
        foreach (var line in RefinementExplanation.Of(refinement, context, strategy, PolicyType.Managed))
        {
            var css = line.Kind switch
            {
                ExplainKind.Unsafe => "refuted", ExplainKind.Emitted or ExplainKind.Safe => "proved", ExplainKind.Note => "unknown",
                ExplainKind.Heading => "hunk", _ => null,
            };
            var text = E(new string(' ', 2 * line.Indent) + line.Text);
            sb.Append(css is null ? text : $"<span class=\"{css}\">{text}</span>").Append('\n');
        }
        sb.Append("</pre>\n<h2>Refined policy</h2>\n<pre>").Append(E(RefinementOutput.PolicyJson(refinement))).Append("</pre>\n");
    }
}
