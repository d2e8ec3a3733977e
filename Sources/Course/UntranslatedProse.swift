import Foundation

/// Finds English prose left in a translated Markdown file: a heuristic for "no English
/// sentence was left untranslated".
///
/// Code is allowed to stay English, so fenced blocks, indented code (4+ spaces), inline
/// code spans, link targets, URLs and HTML comments are removed first. What remains is
/// split at whitespace; a *word* is a token made of Latin letters only (with `'`, `’`, `-`
/// inside and `.,;:!?)` after), so math and symbol runs (w·x + b, C(v₁, v₂), BP1–BP4)
/// break a run, and so does any Chinese character. A run of `threshold` or more words
/// (six by default: English titles such as *Neural Networks and Deep Learning* have five)
/// is reported as probably an untranslated sentence.
public enum UntranslatedProse {
    /// One suspicious run of English words.
    public struct Finding: Sendable, Equatable, CustomStringConvertible {
        /// The 1-based line.
        public var line: Int
        /// The words, joined by spaces.
        public var words: String

        public init(line: Int, words: String) {
            self.line = line
            self.words = words
        }

        public var description: String { "line \(line): untranslated English? \"\(words)\"" }
    }

    /// Every run of `threshold` or more consecutive English words outside code in `markdown`.
    public static func find(in markdown: String, threshold: Int = 6) -> [Finding] {
        let (_, prose) = FencedBlock.scan(markdown)
        var findings: [Finding] = []
        var inComment = false
        for (number, raw) in prose {
            if raw.hasPrefix("    ") || raw.hasPrefix("\t") { continue }
            var line = raw
            // HTML comments, possibly over several lines.
            if inComment {
                guard let end = line.range(of: "-->") else { continue }
                line = String(line[end.upperBound...])
                inComment = false
            }
            while let start = line.range(of: "<!--") {
                if let end = line.range(of: "-->", range: start.upperBound..<line.endIndex) {
                    line.removeSubrange(start.lowerBound..<end.upperBound)
                } else {
                    line = String(line[..<start.lowerBound])
                    inComment = true
                }
            }
            line = removing(#"`[^`]*`"#, from: line)
            line = removing(#"\]\([^)]*\)"#, from: line, replacement: "]")
            line = removing(#"https?://\S+"#, from: line)
            var run: [String] = []
            func flush() {
                if run.count >= threshold { findings.append(Finding(line: number, words: run.joined(separator: " "))) }
                run = []
            }
            for token in line.split(whereSeparator: \.isWhitespace) {
                if isWord(token) { run.append(String(token)) } else { flush() }
            }
            flush()
        }
        return findings
    }

    /// Whether `token` is an English word: Latin letters (with ' ’ - inside), optionally
    /// wrapped in Markdown emphasis or brackets and followed by ordinary punctuation.
    public static func isWord(_ token: Substring) -> Bool {
        var t = token
        while let c = t.first, "(*_[\"“".contains(c) { t = t.dropFirst() }
        while let c = t.last, ".,;:!?)*_]\"”".contains(c) { t = t.dropLast() }
        guard let first = t.first, first.isASCII, first.isLetter else { return false }
        return t.allSatisfy { ($0.isASCII && $0.isLetter) || $0 == "'" || $0 == "’" || $0 == "-" }
    }

    private static func removing(_ pattern: String, from text: String, replacement: String = " ") -> String {
        text.replacingOccurrences(of: pattern, with: replacement, options: .regularExpression)
    }
}
