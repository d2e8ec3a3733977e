/// Splits a command line such as `python3 "my net.py" --fast` into argv, the way a
/// POSIX shell splits words, without running a shell: no variables, globs, pipes or
/// redirections — those characters are kept literally.
///
/// - Whitespace separates words.
/// - `'…'` keeps everything literally up to the next `'`.
/// - `"…"` keeps everything except `\"`, `\\`, `\$` and `` \` ``, which lose the backslash.
/// - Outside quotes, `\c` is the character c.
public enum CommandSplitter {
    /// Why a command line could not be split.
    public enum SplitError: Error, Equatable, Sendable, CustomStringConvertible {
        case empty
        case unterminatedQuote(Character)
        case trailingBackslash

        public var description: String {
            switch self {
            case .empty: "the command is empty"
            case .unterminatedQuote(let q): "the command has an unterminated \(q) quote"
            case .trailingBackslash: "the command ends with a lone backslash"
            }
        }
    }

    /// The words of `command`.
    public static func split(_ command: String) throws(SplitError) -> [String] {
        var words: [String] = []
        var word = ""
        var inWord = false
        var characters = command.makeIterator()
        while let c = characters.next() {
            switch c {
            case " ", "\t", "\n":
                if inWord { words.append(word) }
                word = ""
                inWord = false
            case "'":
                inWord = true
                var closed = false
                while let d = characters.next() {
                    if d == "'" { closed = true; break }
                    word.append(d)
                }
                guard closed else { throw .unterminatedQuote("'") }
            case "\"":
                inWord = true
                var closed = false
                while let d = characters.next() {
                    if d == "\"" { closed = true; break }
                    if d == "\\" {
                        guard let e = characters.next() else { throw .unterminatedQuote("\"") }
                        if !["\"", "\\", "$", "`"].contains(e) { word.append(d) }
                        word.append(e)
                    } else {
                        word.append(d)
                    }
                }
                guard closed else { throw .unterminatedQuote("\"") }
            case "\\":
                guard let d = characters.next() else { throw .trailingBackslash }
                inWord = true
                word.append(d)
            default:
                inWord = true
                word.append(c)
            }
        }
        if inWord { words.append(word) }
        guard !words.isEmpty else { throw .empty }
        return words
    }
}
