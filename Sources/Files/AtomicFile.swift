import Foundation

/// Writing a file whole or not at all, the one way every file BackpropLab produces is
/// written: model files, checkpoints, PNG and SVG pictures, downloaded MNIST files.
public enum AtomicFile {
    /// Writes `data` to a temporary file in `path`'s directory, then renames it over
    /// `path`: readers see the old file or the new one, never a half-written one, and a
    /// failure leaves no temporary file behind.
    ///
    /// The temporary file is `.NAME.PID.tmp` beside `path` (same directory, so the rename
    /// is atomic on one file system).
    ///
    /// - Throws: `FileError` naming `path` when the file cannot be written.
    public static func write(_ data: Data, to path: String) throws(FileError) {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        do {
            try data.write(to: temporary)
            if rename(temporary.path, url.path) != 0 {
                let reason = String(cString: strerror(errno))
                try? FileManager.default.removeItem(at: temporary)
                throw FileError(file: path, problem: "cannot be written: \(reason)")
            }
        } catch let error as FileError {
            throw error
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw FileError(file: path, problem: "cannot be written: \(error.localizedDescription)")
        }
    }

    /// Why `path` cannot be written (its directory does not exist), or `nil`: checked
    /// when flags are validated, before a command spends its time computing what to write.
    public static func problem(writing path: String) -> String? {
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            return "cannot write \(path): the directory \(directory) does not exist"
        }
        return nil
    }
}
