import Foundation
import TestSupport

/// Runs a built BackpropLab executable as a user does, through TestSupport's one runner
/// (`TestProcess`: no shell, both pipes read as it runs, killed past the deadline): a
/// real child process, with a chosen locale and standard input from /dev/null.
enum ToolProcess {
    /// The package root.
    static let packageRoot = PackagePaths.root

    /// Real MNIST, beside the worktree (`../shared/data/mnist`).
    static let mnistDirectory = PackagePaths.sharedMNIST.path

    /// The longest a tool may run in these tests; debug builds on a loaded 2-core machine
    /// take a few seconds for the slowest case (a 2-epoch MNIST run), so 300 s only
    /// catches a hang.
    static let timeout: Duration = .seconds(300)

    typealias Result = ChildResult

    /// The environment of a run in `locale` (e.g. `C`, `zh_CN.UTF-8`): LANG set to it,
    /// LC_ALL and LC_MESSAGES removed so that LANG decides, colours off.
    static func environment(locale: String) -> [String: String] {
        TestProcess.environment(["LC_ALL": nil, "LC_MESSAGES": nil, "LANG": locale, "NO_COLOR": "1"])
    }

    /// Runs `tool` with `arguments` in `locale`, from the package root.
    static func run(_ tool: String, _ arguments: [String], locale: String = "C") throws -> Result {
        try TestProcess.run(built: tool, arguments, environment: environment(locale: locale), timeout: timeout)
    }
}
