import Files
import CLibSVM
import Foundation

extension SVMModel {
    /// Writes the model in LIBSVM's own text format (`svm_save_model`), so `svm-predict`
    /// and any LIBSVM binding can read it; atomically: into a temporary file beside `path`,
    /// then renamed over it, so `path` is never half written. LIBSVM prints the
    /// coefficients with 17 significant digits and pixel values with 8 (`%.8g`): a
    /// pixel k/255 comes back within 5 · 10⁻⁹ relative, far below what moves a vote.
    ///
    /// - Throws: `FileError` naming `path` when the directory is not writable.
    public func save(to path: String) throws(FileError) {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())").path
        errno = 0
        guard LIBSVMLocale.exclusive({ svm_save_model(temporary, model) }) == 0 else {
            let reason = errno != 0 ? String(cString: strerror(errno)) : "write failed"
            unlink(temporary)
            throw FileError(file: path, problem: "cannot write: \(reason)")
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw FileError(file: path, problem: "cannot write: \(reason)")
        }
    }

    /// Reads a LIBSVM model file. The bytes are checked by `LIBSVMModelFile` first (LIBSVM's
    /// own reader trusts too much of the file), then LIBSVM reads the very file that was
    /// checked: it opens `/proc/self/fd/N` of our open descriptor, not the name again.
    ///
    /// - Throws: `FileError` naming `path` and the problem.
    public static func load(from path: String) throws(FileError) -> SVMModel {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw FileError(file: path, problem: errno == ENOENT ? "no such file" : String(cString: strerror(errno)))
        }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count == 0 { break }
            guard count > 0 else {
                throw FileError(file: path, problem: "cannot read: \(String(cString: strerror(errno)))")
            }
            bytes.append(contentsOf: chunk[..<count])
        }
        let checked = try LIBSVMModelFile(checking: bytes, path: path)
        guard let model = LIBSVMLocale.exclusive({ svm_load_model("/proc/self/fd/\(descriptor)") }) else {
            throw FileError(file: path, problem: "LIBSVM could not read it (not a LIBSVM model)")
        }
        let loaded = SVMModel(model: model, storage: nil)
        guard loaded.labels == checked.labels, loaded.supportVectorCount == checked.supportVectorsPerClass.reduce(0, +) else {
            throw FileError(file: path, problem: "LIBSVM read it differently from its header (not a LIBSVM model)")
        }
        return loaded
    }
}
