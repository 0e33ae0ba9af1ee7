using System.Text.Json.Nodes;

namespace GeneralizationProofs.Policy;

/// <summary>One statement, read from (and still backed by) its JSON object, so unknown keys and key order survive.</summary>
public sealed class Statement
{
    internal Statement(JsonObject node, int index, string place, Effect effect, bool isNotAction, List<string> actions, bool actionIsString)
    {
        Node = node;
        Index = index;
        Place = place;
        Effect = effect;
        IsNotAction = isNotAction;
        Actions = actions;
        ActionIsString = actionIsString;
    }

    public JsonObject Node { get; }
    public int Index { get; }
    /// <summary>Where the statement is in its file, as a JSON path.</summary>
    public string Place { get; }
    public Effect Effect { get; }
    public bool IsNotAction { get; }
    /// <summary>The Action (or NotAction) entries, in order.</summary>
    public IReadOnlyList<string> Actions { get; }
    public bool ActionIsString { get; }
    public string? Sid => PolicyDocument.AsString(Node["Sid"]);

    /// <summary>Allow + Action: the only kind a generalization strategy rewrites.</summary>
    public bool IsRefinable => Effect == Effect.Allow && !IsNotAction;

    /// <summary>Allow + NotAction: grants every action outside its list; refined by appending to the list (spec §3).</summary>
    public bool IsAllowNotAction => Effect == Effect.Allow && IsNotAction;

    /// <summary>"Allow", "Deny", "Allow, NotAction", "Deny, NotAction": what a report says the statement is.</summary>
    public string Kind => IsNotAction ? $"{Effect}, NotAction" : Effect.ToString();

    public string Label => Sid is { } sid ? $"Statement {Index} (Sid {sid})" : $"Statement {Index}";
}
