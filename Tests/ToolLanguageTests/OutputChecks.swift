import Foundation
import Localization
import Testing

/// What a Chinese run must share with the English one, and what it must not contain.
enum OutputChecks {
    /// Every number in `text`, in order, with its sign ("−4" and "-4" both count as
    /// -4): the Chinese output must print exactly the English output's numbers.
    /// Times (`0.74 s`, `0.74 秒`) are masked first: they differ from run to run.
    static func numbers(_ text: String) -> [String] {
        let timeless = text.replacing(/[0-9]+\.[0-9]+ ?(s|秒)(?![A-Za-z])/, with: "⏱")
        return timeless.matches(of: /[-−]?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?/).map {
            String($0.output.0).replacingOccurrences(of: "−", with: "-")
        }
    }

    /// Records an issue for each way `chinese` (a tool's Chinese output) falls short of
    /// `english` (the same command's English output): too few Chinese words, other
    /// numbers or another order, a glossary alias, an English sentence left,
    /// a table header out of line in terminal columns.
    static func expectChinese(_ chinese: String, matching english: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(chineseCharacters(chinese) >= 10, "\(chinese)", sourceLocation: sourceLocation)
        #expect(numbers(chinese) == numbers(english), "numbers differ:\n\(english)\n---\n\(chinese)", sourceLocation: sourceLocation)
        let aliases = try glossary().aliasUses(in: chinese)
        #expect(aliases.isEmpty, "\(aliases)", sourceLocation: sourceLocation)
        #expect(englishProse(chinese).isEmpty, "untranslated: \(englishProse(chinese))", sourceLocation: sourceLocation)
        #expect(misalignedHeaders(chinese).isEmpty, "misaligned: \(misalignedHeaders(chinese))", sourceLocation: sourceLocation)
    }

    /// How many CJK characters `text` holds.
    static func chineseCharacters(_ text: String) -> Int {
        text.unicodeScalars.filter { DisplayWidth.isWide($0) }.count
    }

    /// Lines of `text` that still read like English prose: four or more English words in
    /// a row (flags such as `--data DIR`, `perceptrons ripple --bits N`, neuron names and
    /// formulas are shorter runs).
    static func englishProse(_ text: String) -> [String] {
        text.split(separator: "\n").map(String.init).filter { $0.contains(/[A-Za-z]{2,}( [A-Za-z]{2,}){3,}/) }
    }

    /// The glossary of this checkout.
    static func glossary() throws -> Glossary {
        try Glossary.load(from: ToolProcess.packageRoot.appendingPathComponent("lessons/glossary.tsv"))
    }

    /// Table headers that do not line up with their rule (`──  ───`) in terminal columns:
    /// each header cell must start at its column (left-aligned) or end at it
    /// (right-aligned), and the two-column gaps must be blank. A table that counted
    /// characters instead of columns would push the cells after a Chinese header right.
    static func misalignedHeaders(_ text: String) -> [String] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var bad: [String] = []
        for (index, rule) in lines.enumerated() where index > 0 && isRule(rule) {
            let header = cells(lines[index - 1])
            let ruleCells = Array(rule)
            var start: Int?
            for column in 0...ruleCells.count {
                let inSegment = column < ruleCells.count && ruleCells[column] == "─"
                if inSegment, start == nil { start = column }
                if !inSegment, let s = start {
                    let first = s < header.count && header[s] != " "
                    let last = column - 1 < header.count && header[column - 1] != " "
                    if !(first || last) { bad.append(lines[index - 1]) }
                    start = nil
                }
                if !inSegment, column < ruleCells.count, column < header.count, header[column] != " " {
                    bad.append(lines[index - 1])
                }
            }
        }
        return bad
    }

    /// Whether `line` is a table rule: box-drawing dashes and spaces only.
    static func isRule(_ line: String) -> Bool {
        line.contains("─") && line.allSatisfy { $0 == "─" || $0 == " " }
    }

    /// `line` as terminal cells: a wide character fills its first cell and leaves a
    /// placeholder in the second.
    static func cells(_ line: String) -> [Character] {
        line.flatMap { character -> [Character] in
            DisplayWidth.isWide(character) ? [character, "\u{0}"] : [character]
        }
    }
}
