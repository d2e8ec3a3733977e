import Foundation

/// Maps a lesson's `swift run [-c release] NAME` to the executable SwiftPM built,
/// without running SwiftPM.
///
/// SwiftPM puts every product of one configuration in one directory
/// (`.build/<triple>/debug`, linked from `.build/debug`): the `lessons` tool and the test
/// bundle live there too. Like swift-argument-parser's own executable tests (which take
/// the directory of the `.xctest` bundle), the locator starts from the directory of the
/// running program, then tries `.build/<configuration>` under the package root.
public struct ExecutableLocator: Sendable {
    /// The package root, where `.build` lives.
    public var packageRoot: URL
    /// The directory holding the running program, if it is a SwiftPM products directory.
    public var productsDirectory: URL?

    public init(packageRoot: URL, productsDirectory: URL? = ExecutableLocator.runningProductsDirectory()) {
        self.packageRoot = packageRoot
        self.productsDirectory = productsDirectory
    }

    /// The directory of the running executable (for a test bundle, the directory that
    /// holds the `.xctest` bundle), symbolic links resolved.
    public static func runningProductsDirectory() -> URL? {
        let path = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? Bundle.main.executableURL?.path
        guard let path else { return nil }
        var url = URL(fileURLWithPath: path).resolvingSymlinksInPath()
        // macOS test bundles: …/debug/X.xctest/Contents/MacOS/X.
        if let bundle = url.pathComponents.lastIndex(where: { $0.hasSuffix(".xctest") }),
           bundle < url.pathComponents.count - 1 {
            url = URL(fileURLWithPath: NSString.path(withComponents: Array(url.pathComponents[...bundle])))
        }
        return url.deletingLastPathComponent()
    }

    /// The directories to look in for `configuration`, best first.
    public func candidateDirectories(for configuration: LessonCommand.Configuration) -> [URL] {
        var directories: [URL] = []
        if let products = productsDirectory {
            if products.lastPathComponent == configuration.rawValue {
                directories.append(products)
            } else if ["debug", "release"].contains(products.lastPathComponent) {
                directories.append(products.deletingLastPathComponent().appendingPathComponent(configuration.rawValue))
            }
        }
        directories.append(packageRoot.appendingPathComponent(".build").appendingPathComponent(configuration.rawValue))
        return directories
    }

    /// The built executable for `command`: in its own configuration's directory if built
    /// there, else in the other configuration's (a debug build prints the same output,
    /// only slower). `nil` if `NAME` has not been built.
    public func locate(_ command: LessonCommand) -> URL? {
        let other: LessonCommand.Configuration = command.configuration == .debug ? .release : .debug
        for configuration in [command.configuration, other] {
            for directory in candidateDirectories(for: configuration) {
                let url = directory.appendingPathComponent(command.executable)
                if FileManager.default.isExecutableFile(atPath: url.path) { return url }
            }
        }
        return nil
    }
}
