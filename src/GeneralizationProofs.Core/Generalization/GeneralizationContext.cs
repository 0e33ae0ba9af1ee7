using GeneralizationProofs.Catalog;

namespace GeneralizationProofs.Generalization;

/// <summary>What a strategy sees: the catalog and the unused actions.</summary>
public sealed record GeneralizationContext(ActionCatalog Catalog, ActionSet Unused);
