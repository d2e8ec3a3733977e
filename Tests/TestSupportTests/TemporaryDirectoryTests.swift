import Foundation
import TestSupport
import Testing

@Suite("Temporary directories and golden files")
struct TemporaryDirectoryTests {
    @Test("a fresh directory, written to, listed and removed even after a chmod")
    func lifecycle() throws {
        let directory = try TemporaryDirectory(prefix: "support")
        #expect(directory.contents().isEmpty)
        let file = try directory.write("a.txt", Data("hi".utf8))
        #expect(file == directory.path + "/a.txt")
        try directory.write(".hidden", Data())
        #expect(directory.contents() == [".hidden", "a.txt"])
        #expect(chmod(directory.path, 0o500) == 0)
        directory.remove()
        #expect(!FileManager.default.fileExists(atPath: directory.path))
    }

    @Test("with(prefix:) removes the directory when the body returns and when it throws")
    func scoped() throws {
        struct Failure: Error {}
        let kept = try TemporaryDirectory.with(prefix: "support") { directory in
            try directory.write("a.txt", Data("hi".utf8))
            return directory.path
        }
        #expect(!FileManager.default.fileExists(atPath: kept))
        var thrown = ""
        #expect(throws: Failure.self) {
            try TemporaryDirectory.with(prefix: "support") { directory in
                thrown = directory.path
                try directory.write("b.txt", Data())
                throw Failure()
            }
        }
        #expect(!thrown.isEmpty && !FileManager.default.fileExists(atPath: thrown))
    }

    @Test("a missing golden file is an error that says how to write it")
    func missingGolden() throws {
        guard !Golden.isUpdating else { return }
        let directory = try TemporaryDirectory(prefix: "golden")
        defer { directory.remove() }
        let error = #expect(throws: Golden.Missing.self) { try Golden.text("absent.txt", in: directory.url, actual: "x") }
        #expect(error?.description.contains("BACKPROPLAB_UPDATE_GOLDEN=1") == true)
    }
}
