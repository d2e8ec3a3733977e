import Foundation
import Rendering

/// Writes a plot to disk whole or not at all.
public enum SVGFile {
    /// Why a plot could not be written.
    public struct WriteError: Error, CustomStringConvertible, Sendable {
        public var description: String
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
