/// A short, readable difference between the output a lesson expects and the output a
/// command printed: the first lines that differ, with a little context.
public enum LineDiff {
    /// At most `limit` lines: `  ` for a line both share, `- ` for the lesson's line,
    /// `+ ` for the actual line, numbered from `firstLine` (e.g. the line of the lesson
    /// file where the expected text starts). Empty when the two texts are equal.
    public static func describe(expected: String, actual: String, firstLine: Int = 1, context: Int = 2, limit: Int = 12) -> String {
        guard expected != actual else { return "" }
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // Skip the common prefix and suffix, then show what lies between.
        var prefix = 0
        while prefix < e.count, prefix < a.count, e[prefix] == a[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < e.count - prefix, suffix < a.count - prefix, e[e.count - 1 - suffix] == a[a.count - 1 - suffix] { suffix += 1 }
        var out: [String] = []
        for i in max(0, prefix - context)..<prefix { out.append("  \(firstLine + i)  \(e[i])") }
        let removed = Array(e[prefix..<(e.count - suffix)])
        let added = Array(a[prefix..<(a.count - suffix)])
        for k in 0..<max(removed.count, added.count) {
            if k < removed.count { out.append("- \(firstLine + prefix + k)  \(removed[k])") }
            if k < added.count { out.append("+ \(firstLine + prefix + k)  \(added[k])") }
        }
        for i in (e.count - suffix)..<min(e.count, e.count - suffix + context) { out.append("  \(firstLine + i)  \(e[i])") }
        if out.count > limit {
            let hidden = out.count - limit
            out = Array(out.prefix(limit)) + ["  … \(hidden) more diff lines"]
        }
        return out.joined(separator: "\n")
    }
}
