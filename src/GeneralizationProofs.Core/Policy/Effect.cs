namespace GeneralizationProofs.Policy;

public enum Effect { Allow, Deny }
