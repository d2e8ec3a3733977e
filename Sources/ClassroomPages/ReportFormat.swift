/// `gradcheck --format`: the text report, JSON for scripts, or the report as a page
/// (`GradientCheckPage`).
public enum ReportFormat: String, CaseIterable, Sendable {
    case text, json, html
}
