import Foundation

/// BackpropLab's one terminology, English ↔ 中文: `lessons/glossary.tsv`.
///
/// Every Chinese lesson, every Chinese line a tool prints and the glossary table of
/// `lessons/README.md` use the canonical term of an entry; its aliases are the other
/// translations readers meet in other books and notes, listed so that a test can catch
/// them (`aliasUses(in:)`).
///
/// The file is UTF-8 text, one entry a line, three tab-separated columns:
///
///     English<TAB>中文<TAB>aliases, separated by ", " (may be empty)
///
/// Blank lines and lines starting with `#` are comments; the first other line is the
/// header `english	chinese	aliases`.
public struct Glossary: Sendable, Equatable {
    /// One term.
    public struct Entry: Sendable, Equatable {
        /// The English term, e.g. `mini-batch size`.
        public var english: String
        /// The canonical Chinese term, e.g. `小批量大小`.
        public var chinese: String
        /// Other translations, never used in BackpropLab's Chinese text, e.g. `批大小`.
        public var aliases: [String]

        public init(english: String, chinese: String, aliases: [String] = []) {
            self.english = english
            self.chinese = chinese
            self.aliases = aliases
        }
    }

    /// The entries, in the file's order.
    public var entries: [Entry]

    public init(entries: [Entry]) {
        self.entries = entries
    }

    /// The header line the file starts with.
    public static let header = "english\tchinese\taliases"

    /// Parses the text of a glossary file; `source` names it in error messages.
    public init(parsing text: String, source: String) throws(GlossaryError) {
        var entries: [Entry] = []
        var sawHeader = false
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.hasSuffix("\r") ? String(raw.dropLast()) : String(raw)
            if line.trimmingCharacters(in: .whitespaces).isEmpty || line.hasPrefix("#") { continue }
            func fail(_ message: String) -> GlossaryError { GlossaryError(source: source, line: index + 1, message: message) }
            if !sawHeader {
                guard line == Self.header else { throw fail("the first line must be the header '\(Self.header.replacingOccurrences(of: "\t", with: "<TAB>"))'") }
                sawHeader = true
                continue
            }
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            guard columns.count == 2 || columns.count == 3 else {
                throw fail("expected 2 or 3 tab-separated columns, found \(columns.count)")
            }
            guard !columns[0].isEmpty, !columns[1].isEmpty else { throw fail("an entry needs an English and a Chinese term") }
            let aliases = columns.count == 3
                ? columns[2].components(separatedBy: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                : []
            entries.append(Entry(english: columns[0], chinese: columns[1], aliases: aliases))
        }
        guard sawHeader else { throw GlossaryError(source: source, line: 1, message: "the file is empty") }
        self.entries = entries
    }

    /// Reads a glossary file.
    public static func load(from url: URL) throws(GlossaryError) -> Glossary {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw GlossaryError(source: url.path, line: 0, message: "cannot read the file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw GlossaryError(source: url.path, line: 0, message: "the file is not UTF-8 text")
        }
        return try Glossary(parsing: text, source: url.path)
    }

    /// The canonical Chinese term for an English one (exact match), if the glossary has it.
    public func chinese(for english: String) -> String? {
        entries.first { $0.english == english }?.chinese
    }

    /// The glossary as a GitHub Markdown table: English, 中文, and the aliases
    /// (other translations, not used here). This is the table at the end of
    /// `lessons/README.md`; a test keeps the two equal.
    public func markdownTable() -> String {
        var lines = ["| English | 中文 | also translated as (not used here) · 其他译法（本课程不用） |", "|---|---|---|"]
        for entry in entries {
            lines.append("| \(entry.english) | \(entry.chinese) | \(entry.aliases.joined(separator: "、")) |")
        }
        return lines.joined(separator: "\n")
    }

    /// Where `text` uses an alias instead of the canonical term.
    ///
    /// Aliases are found as substrings (Chinese has no spaces between words). An alias
    /// that lies inside an occurrence of a *longer* canonical term is not a use of it:
    /// 批量大小 inside 小批量大小 is the canonical "mini-batch size", while 小批量数据
    /// (an alias containing the canonical 小批量) is reported.
    public func aliasUses(in text: String) -> [AliasUse] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var uses: [AliasUse] = []
        let canonical = entries.map(\.chinese)
        for (index, line) in lines.enumerated() {
            let line = String(line)
            let covered = canonical.flatMap { term in ranges(of: term, in: line).map { (range: $0, length: term.count) } }
            for entry in entries {
                for alias in entry.aliases {
                    for range in ranges(of: alias, in: line) {
                        let excused = covered.contains { $0.length > alias.count && $0.range.lowerBound <= range.lowerBound && range.upperBound <= $0.range.upperBound }
                        if !excused {
                            uses.append(AliasUse(line: index + 1, alias: alias, canonical: entry.chinese, english: entry.english))
                        }
                    }
                }
            }
        }
        return uses
    }

    /// The character offsets of every occurrence of `needle` in `haystack`.
    private func ranges(of needle: String, in haystack: String) -> [Range<Int>] {
        let hay = Array(haystack)
        let pin = Array(needle)
        guard !pin.isEmpty, pin.count <= hay.count else { return [] }
        var found: [Range<Int>] = []
        for start in 0...(hay.count - pin.count) where hay[start] == pin[0] {
            if Array(hay[start..<(start + pin.count)]) == pin { found.append(start..<(start + pin.count)) }
        }
        return found
    }
}

/// One use of an alias where the glossary's canonical term belongs.
public struct AliasUse: Sendable, Equatable, CustomStringConvertible {
    /// The 1-based line.
    public var line: Int
    /// The alias found.
    public var alias: String
    /// The term to use instead.
    public var canonical: String
    /// The English term both translate.
    public var english: String

    public var description: String {
        "line \(line): '\(alias)' is an alias; BackpropLab writes '\(canonical)' for \(english)"
    }
}

/// A glossary file that cannot be read, with the line at fault.
public struct GlossaryError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file (its path).
    public var source: String
    /// The 1-based line at fault, or 0 for the whole file.
    public var line: Int
    /// What is wrong, in one sentence.
    public var message: String

    public init(source: String, line: Int, message: String) {
        self.source = source
        self.line = line
        self.message = message
    }

    public var description: String {
        line > 0 ? "\(source):\(line): \(message)" : "\(source): \(message)"
    }
}
