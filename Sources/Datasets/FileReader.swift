import Foundation
import Zlib

/// Reads whole data files, refusing what is not a readable regular file, and
/// decompresses gzip content.
///
/// The size of the file (from `fstat`) is known before anything is allocated, and
/// the buffer is sized by it, never by a number inside the file.
enum FileReader {
    /// The largest file, compressed or decompressed, that the readers accept (1 GiB;
    /// MNIST's largest file is 47 MB decompressed).
    static let maximumSize = 1 << 30

    /// The bytes of `path`, gunzipped if they start with the gzip magic 1f 8b.
    static func contents(of path: String, limit: Int = maximumSize) throws(DatasetError) -> Data {
        let raw = try bytes(of: path, limit: limit)
        do {
            return try decompressed(raw, limit: limit)
        } catch {
            throw error.naming(path)
        }
    }

    /// `raw` gunzipped if it starts with the gzip magic 1f 8b, else `raw` itself.
    static func decompressed(_ raw: Data, limit: Int = maximumSize) throws(DatasetError) -> Data {
        guard Zlib.isGzip(raw) else { return raw }
        do {
            return try Zlib.gunzip(raw, limit: limit)
        } catch {
            throw DatasetError(file: nil, problem: "is not a valid gzip file: \(error.description)")
        }
    }

    /// The raw bytes of `path`.
    static func bytes(of path: String, limit: Int = maximumSize) throws(DatasetError) -> Data {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw DatasetError(file: path, problem: describeOpenError(errno))
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            throw DatasetError(file: path, problem: "cannot be read: \(String(cString: strerror(errno)))")
        }
        guard (status.st_mode & S_IFMT) != S_IFDIR else {
            throw DatasetError(file: path, problem: "is a directory, not a data file")
        }
        guard (status.st_mode & S_IFMT) == S_IFREG else {
            throw DatasetError(file: path, problem: "is not a regular file")
        }
        let size = Int(status.st_size)
        guard size <= limit else {
            throw DatasetError(file: path, problem: "is \(size) bytes, more than the \(limit) bytes this reader accepts")
        }
        var data = Data(count: size)
        var filled = 0
        while filled < size {
            let got = data.withUnsafeMutableBytes { buffer in
                read(descriptor, buffer.baseAddress.map { $0 + filled }, size - filled)
            }
            if got < 0 && errno == EINTR { continue }
            guard got >= 0 else {
                throw DatasetError(file: path, problem: "cannot be read: \(String(cString: strerror(errno)))")
            }
            guard got > 0 else { break }  // shrank while we read
            filled += got
        }
        return filled == size ? data : data.prefix(filled)
    }

    private static func describeOpenError(_ code: Int32) -> String {
        switch code {
        case ENOENT: "no such file"
        case EACCES: "cannot be read: permission denied"
        default: "cannot be opened: \(String(cString: strerror(code)))"
        }
    }
}
