import ArgumentParser

/// `--format text|json`: aligned tables and explanations for people, or JSON for scripts.
public enum OutputFormat: String, CaseIterable, ExpressibleByArgument, Sendable {
    /// Aligned tables and explanations for people.
    case text
    /// JSON for scripts.
    case json
}
