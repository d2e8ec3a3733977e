import Foundation
import Localization

/// Reads a lesson file: its title, its goal and its command blocks, following the
/// convention every lesson is written to.
///
/// A command is a fenced block with info string `console` (or `console slow`) holding
/// exactly one line `$ swift run NAME args…` (or `$ swift run -c release NAME args…`),
/// immediately followed by a fenced block with info string `text` holding the output
/// of a real run. No pipes, no redirections, no other shell syntax.
public enum LessonParser {
    /// Characters that would need a shell; lesson commands are run without one.
    static let shellCharacters: Set<Character> = ["|", "&", ";", "<", ">", "`", "$", "(", ")", "*", "?", "\\"]

    /// The lesson number of a file name such as `04-gradient-descent.md`, or `nil` if the
    /// name is not `NN-name.md`.
    public static func lessonNumber(fileName: String) -> Int? {
        guard fileName.hasSuffix(".md") else { return nil }
        let digits = fileName.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, fileName.dropFirst(digits.count).first == "-" else { return nil }
        return Int(digits)
    }

    /// Parses the Markdown `text` of the lesson file `fileName`.
    public static func parse(_ text: String, fileName: String) -> Lesson {
        let (blocks, prose) = FencedBlock.scan(text)
        var problems: [LessonProblem] = []
        var commands: [LessonCommand] = []
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)

        for (index, block) in blocks.enumerated() {
            guard let kind = block.infoWords.first, kind == "console" else { continue }
            let isSlow = block.infoWords.dropFirst() == ["slow"]
            guard block.infoWords.count == 1 || isSlow else {
                problems.append(LessonProblem(line: block.openingLine, message: "unknown console block marker '\(block.info)' (use 'console' or 'console slow')"))
                continue
            }
            let content = block.lines.enumerated().filter { !$0.element.trimmingCharacters(in: .whitespaces).isEmpty }
            guard content.count == 1, let only = content.first else {
                problems.append(LessonProblem(line: block.openingLine, message: "a console block must hold exactly one line '$ swift run NAME args…', found \(content.count) lines"))
                continue
            }
            let commandLineNumber = block.openingLine + 1 + only.offset
            var command: LessonCommand
            switch parseCommandLine(only.element, line: commandLineNumber) {
            case .success(let parsed): command = parsed
            case .failure(let problem): problems.append(problem); continue
            }
            command.isSlow = isSlow
            if let next = blocks.dropFirst(index + 1).first, next.infoWords == ["text"],
               onlyBlankLines(lines, between: block.closingLine, and: next.openingLine) {
                command.expectedOutput = next.lines.joined(separator: "\n")
                command.expectedOutputLine = next.openingLine
                if !next.isClosed {
                    problems.append(LessonProblem(line: next.openingLine, message: "the text block is never closed"))
                }
            } else {
                problems.append(LessonProblem(line: commandLineNumber, message: "'\(command.commandLine)' must be followed by a ```text block with its output"))
            }
            commands.append(command)
        }
        let (title, goal) = titleAndGoal(prose)
        if title.isEmpty {
            problems.append(LessonProblem(line: 1, message: "the lesson has no '# Title' heading"))
        }
        return Lesson(number: lessonNumber(fileName: fileName) ?? 0, fileName: fileName,
                      title: title, goal: goal, commands: commands, problems: problems)
    }

    /// Parses one `$ swift run …` line.
    public static func parseCommandLine(_ text: String, line: Int) -> Result<LessonCommand, LessonProblem> {
        func fail(_ message: String) -> Result<LessonCommand, LessonProblem> { .failure(LessonProblem(line: line, message: message)) }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix("$ ") else { return fail("a console line must start with '$ ', got '\(trimmed)'") }
        let commandLine = trimmed.dropFirst(2).trimmingCharacters(in: .whitespaces)
        if let bad = commandLine.first(where: { shellCharacters.contains($0) }) {
            return fail("'\(commandLine)' uses the shell character '\(bad)'; lesson commands are run without a shell")
        }
        guard let words = splitWords(commandLine) else { return fail("'\(commandLine)' has an unmatched quote") }
        guard words.count >= 3, words[0] == "swift", words[1] == "run" else {
            return fail("'\(commandLine)' is not of the form 'swift run NAME args…'")
        }
        var configuration = LessonCommand.Configuration.debug
        var rest = words.dropFirst(2)
        while let option = rest.first, option.hasPrefix("-") {
            if option == "-c" || option == "--configuration", rest.count >= 2,
               let value = LessonCommand.Configuration(rawValue: rest[rest.startIndex + 1]) {
                configuration = value
                rest = rest.dropFirst(2)
            } else {
                return fail("'\(commandLine)': unsupported swift run option '\(option)' (only -c release / -c debug)")
            }
        }
        guard let name = rest.first else { return fail("'\(commandLine)' names no executable") }
        return .success(LessonCommand(commandLine: commandLine, executable: name, arguments: Array(rest.dropFirst()),
                                      configuration: configuration, line: line))
    }

    /// Splits on spaces, keeping '…' and "…" together; `nil` on an unmatched quote.
    static func splitWords(_ text: String) -> [String]? {
        var words: [String] = []
        var current = ""
        var inWord = false
        var quote: Character?
        for c in text {
            if let q = quote {
                if c == q { quote = nil } else { current.append(c) }
            } else if c == "'" || c == "\"" {
                quote = c
                inWord = true
            } else if c == " " || c == "\t" {
                if inWord { words.append(current) }
                current = ""
                inWord = false
            } else {
                current.append(c)
                inWord = true
            }
        }
        guard quote == nil else { return nil }
        if inWord { words.append(current) }
        return words
    }

    private static func onlyBlankLines(_ lines: [Substring], between closing: Int, and opening: Int) -> Bool {
        // Lines are 1-based: closing + 1 … opening - 1 must be blank.
        guard opening > closing else { return false }
        return (closing..<(opening - 1)).allSatisfy { $0 < lines.count && lines[$0].trimmingCharacters(in: .whitespaces).isEmpty }
    }

    /// The first `# ` heading, and the goal: the paragraph starting with "Goal" (e.g.
    /// `**Goal:** …`), else the first paragraph under a `## Goal` heading, else the first
    /// paragraph after the title.
    static func titleAndGoal(_ prose: [(line: Int, text: String)]) -> (String, String) {
        var title = ""
        var paragraphs: [(heading: String, text: String)] = []
        var heading = ""
        var current: [String] = []
        func flush() {
            if !current.isEmpty { paragraphs.append((heading, joinLines(current))) }
            current = []
        }
        var previousLine = 0
        for (line, text) in prose {
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            if line != previousLine + 1 { flush() }   // a code block came between
            previousLine = line
            if trimmed.hasPrefix("#") {
                flush()
                let level = trimmed.prefix { $0 == "#" }.count
                let words = trimmed.dropFirst(level).trimmingCharacters(in: .whitespaces)
                if level == 1, title.isEmpty { title = strippingLessonNumber(words) } else { heading = words }
            } else if trimmed.isEmpty {
                flush()
            } else if !title.isEmpty {
                current.append(trimmed)
            }
        }
        flush()
        let cleaned = paragraphs.map { (heading: $0.heading, text: plainText($0.text)) }
        let goalWords = ["goal", "目标"]
        for paragraph in cleaned {
            guard let word = goalWords.first(where: { paragraph.text.lowercased().hasPrefix($0) }) else { continue }
            var text = Substring(paragraph.text.dropFirst(word.count))
            while let c = text.first, [":", ".", " ", "—", "–", "-", "：", "。", "　"].contains(c) { text = text.dropFirst() }
            return (title, String(text))
        }
        if let underHeading = cleaned.first(where: { p in goalWords.contains { p.heading.lowercased().hasPrefix($0) } }) {
            return (title, underHeading.text)
        }
        return (title, cleaned.first?.text ?? "")
    }

    /// Lines of one paragraph joined: with a space, except between two CJK characters
    /// or next to fullwidth punctuation (Chinese wraps without spaces; a space there would
    /// show in the text). Between Chinese and Latin text the space stays, as Chinese
    /// technical writing puts one there.
    static func joinLines(_ lines: [String]) -> String {
        let punctuation: Set<Character> = ["，", "。", "、", "；", "：", "！", "？", "（", "）", "“", "”", "《", "》"]
        return lines.reduce("") { joined, line in
            guard let last = joined.last, let first = line.first else { return joined + line }
            let tight = (DisplayWidth.isWide(last) && DisplayWidth.isWide(first))
                || punctuation.contains(last) || punctuation.contains(first)
            return joined + (tight ? "" : " ") + line
        }
    }

    /// The title without a leading "Lesson 4 —", "Lesson 4:", "4." or "第 4 课" (the tour
    /// prints the number itself).
    static func strippingLessonNumber(_ title: String) -> String {
        if let chinese = strippingChineseLessonNumber(title) { return chinese }
        var rest = Substring(title)
        let named = rest.lowercased().hasPrefix("lesson ")
        if named { rest = rest.dropFirst("lesson ".count) }
        let digits = rest.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty else { return title }
        rest = rest.dropFirst(digits.count)
        let separators: Set<Character> = [" ", "—", "–", "-", ":", "."]
        // "2048 games" keeps its number; "Lesson 4 Gradient…" and "4. Gradient…" lose it.
        guard let first = rest.first, separators.contains(first), named || first != " " else { return title }
        rest = rest.drop { separators.contains($0) }
        return rest.isEmpty ? title : String(rest)
    }

    /// "第 4 课　梯度下降" (or "第4课：…", "第 4 课 — …") without its "第 4 课", else `nil`.
    static func strippingChineseLessonNumber(_ title: String) -> String? {
        var rest = Substring(title)
        guard rest.hasPrefix("第") else { return nil }
        rest = rest.dropFirst().drop { $0 == " " }
        let digits = rest.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty else { return nil }
        rest = rest.dropFirst(digits.count).drop { $0 == " " }
        guard rest.hasPrefix("课") else { return nil }
        let separators: Set<Character> = [" ", "　", "—", "–", "-", ":", "：", "."]
        rest = rest.dropFirst().drop { separators.contains($0) }
        return rest.isEmpty ? nil : String(rest)
    }

    /// Markdown emphasis removed: `**Goal:** see *why*` → `Goal: see why`.
    static func plainText(_ text: String) -> String {
        text.replacingOccurrences(of: "**", with: "").replacingOccurrences(of: "__", with: "")
            .split(separator: " ", omittingEmptySubsequences: true)
            .map { word in
                var w = Substring(word)
                if w.hasPrefix("*"), w.count > 1 { w = w.dropFirst() }
                if w.hasSuffix("*"), w.count > 1 { w = w.dropLast() }
                return String(w)
            }
            .joined(separator: " ")
    }
}
