import Foundation

/// Makes a command's output comparable with the output pasted in a lesson: timings
/// vary from run to run and machine to machine, everything else must match exactly.
///
/// - every number followed by ` s`, `s` or ` ms` (e.g. `1.84 s`, `12s`, `350 ms`)
///   becomes `<time>`, and so does one followed by the Chinese units ` 秒` or ` 毫秒`
///   (with or without the space: `0.22 秒`), which the tools print under `--lang zh-Hans`;
/// - trailing whitespace is removed from every line, and blank lines at the end are dropped;
/// - `\r\n` line endings become `\n`.
public enum OutputNormalizer {
    /// What a timing becomes.
    public static let timePlaceholder = "<time>"

    /// The normalised text.
    public static func normalize(_ text: String) -> String {
        var lines = text.replacingOccurrences(of: "\r\n", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false)
            .map { replacingTimings(in: String($0)).trimmingTrailingWhitespace }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    /// `line` with every timing replaced by the placeholder. A timing is a number (not
    /// part of a longer word or number) followed by ` s`, `s` or ` ms` and then a
    /// character that cannot continue a word, or by `秒` or `毫秒` (optionally after a
    /// space; Chinese runs words together, so any character may follow).
    public static func replacingTimings(in line: String) -> String {
        let chars = Array(line)
        var out = ""
        var i = 0
        while i < chars.count {
            let startsNumber = chars[i].isASCII && chars[i].isNumber
                && (i == 0 || !(chars[i - 1].isLetter || chars[i - 1].isNumber || chars[i - 1] == "." || chars[i - 1] == "_"))
            guard startsNumber else { out.append(chars[i]); i += 1; continue }
            var j = i
            while j < chars.count, chars[j].isASCII, chars[j].isNumber { j += 1 }
            if j + 1 < chars.count, chars[j] == ".", chars[j + 1].isASCII, chars[j + 1].isNumber {
                j += 1
                while j < chars.count, chars[j].isASCII, chars[j].isNumber { j += 1 }
            }
            var unitEnd: Int?
            for unit in [" ms", " s", "s", " 毫秒", "毫秒", " 秒", "秒"] where unitEnd == nil {
                let u = Array(unit)
                let chinese = unit.hasSuffix("秒")
                if j + u.count <= chars.count, Array(chars[j..<(j + u.count)]) == u,
                   chinese || j + u.count == chars.count
                    || !(chars[j + u.count].isLetter || chars[j + u.count].isNumber || chars[j + u.count] == "_") {
                    unitEnd = j + u.count
                }
            }
            if let end = unitEnd {
                out += timePlaceholder
                i = end
            } else {
                out += String(chars[i..<j])
                i = j
            }
        }
        return out
    }
}

extension String {
    /// The string without spaces and tabs at the end.
    var trimmingTrailingWhitespace: String {
        var s = Substring(self)
        while let last = s.last, last == " " || last == "\t" { s = s.dropLast() }
        return String(s)
    }
}
