import Foundation
import Rendering

/// Writes a plot to disk whole or not at all.
public enum SVGFile {
    /// Why a plot could not be written.
    public struct WriteError: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    /// Why `path` cannot be written (its directory does not exist), or `nil`: checked
    /// before a demo spends its time computing what to draw.
    public static func problem(_ path: String) -> String? {
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            return "cannot write \(path): the directory \(directory) does not exist"
        }
        return nil
    }

    /// Writes `plot` as SVG to `path` atomically (a temporary file, then a rename).
    public static func save(_ plot: LinePlot, to path: String) throws(WriteError) {
        do {
            try Data(plot.svg().utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw WriteError(description: "cannot write \(path): \(error.localizedDescription)")
        }
    }
}
