import Localization

/// A table of text for people: columns padded to line up, numbers aligned right.
///
///     var table = TextTable(header: ["layer", "kind", "max rel. error"])
///     table.append(["2", "w", "3.1e-10"])
///     print(table.render())
public struct TextTable: Sendable {
    /// How a column lines up.
    public enum Alignment: Sendable { case left, right }

    /// The header row.
    public var header: [String]
    /// The body rows; short rows are padded with empty cells.
    public var rows: [[String]] = []
    /// The alignment per column; by default text columns are left-aligned and columns
    /// whose cells all look like numbers right-aligned.
    public var alignments: [Alignment]?

    public init(header: [String], alignments: [Alignment]? = nil) {
        self.header = header
        self.alignments = alignments
    }

    /// Adds a body row.
    public mutating func append(_ row: [String]) {
        rows.append(row)
    }

    /// The table as lines: header, a rule, then the rows, columns two spaces apart.
    /// With `markdown: true`, a GitHub-flavoured Markdown table instead.
    public func render(markdown: Bool = false) -> String {
        let columnCount = ([header] + rows).map(\.count).max() ?? 0
        func cell(_ row: [String], _ c: Int) -> String { c < row.count ? row[c] : "" }
        let widths = (0..<columnCount).map { c in ([header] + rows).map { displayWidth(cell($0, c)) }.max() ?? 0 }
        let aligns = (0..<columnCount).map { c -> Alignment in
            if let alignments, c < alignments.count { return alignments[c] }
            let cells = rows.map { cell($0, c) }.filter { !$0.isEmpty }
            return !cells.isEmpty && cells.allSatisfy(looksNumeric) ? .right : .left
        }
        func pad(_ text: String, _ c: Int) -> String {
            let fill = String(repeating: " ", count: max(0, widths[c] - displayWidth(text)))
            return aligns[c] == .right ? fill + text : text + fill
        }
        func line(_ row: [String]) -> String {
            let cells = (0..<columnCount).map { pad(cell(row, $0), $0) }
            if markdown { return "| " + cells.joined(separator: " | ") + " |" }
            return cells.joined(separator: "  ").trailingSpacesRemoved
        }
        let rule: String
        if markdown {
            rule = "|" + (0..<columnCount).map { c in
                let dashes = String(repeating: "-", count: max(3, widths[c]))
                return aligns[c] == .right ? " " + dashes.dropLast() + ": " : " " + dashes + " "
            }.joined(separator: "|") + "|"
        } else {
            rule = (0..<columnCount).map { String(repeating: "─", count: widths[$0]) }.joined(separator: "  ")
        }
        return ([line(header), rule] + rows.map(line)).joined(separator: "\n")
    }
}

/// The number of terminal columns `text` takes: a CJK character (神经元, ，。) two,
/// a combining mark none, anything else one (see `DisplayWidth`).
public func displayWidth(_ text: String) -> Int {
    DisplayWidth.columns(text)
}

private func looksNumeric(_ text: String) -> Bool {
    let allowed = Set("0123456789.-+eE%×/ ∞naNinf")
    return text.contains(where: \.isNumber) && text.allSatisfy { allowed.contains($0) }
}

private extension String {
    var trailingSpacesRemoved: String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
