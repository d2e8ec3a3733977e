import Foundation
import TestSupport
import Testing

/// `mnist download`'s failures get the statuses README documents: 3 when the network
/// fails (nothing listens on 127.0.0.1:1, so the connection is refused at once), 64 for
/// a mirror that is not https, and the data directory is left without partial files.
@Suite struct ExitStatusTests {
    @Test func downloadNetworkFailureIsStatus3() throws {
        let directory = try TemporaryDirectory(prefix: "mnistlab")
        defer { directory.remove() }
        let result = try runMNIST(["download", "--data", directory.path, "--mirror", "http://127.0.0.1:1/", "--attempts", "1", "--timeout", "5"])
        #expect(result.status == 3, "\(result.stderr)")
        #expect(result.stderr.contains("could not be downloaded: http://127.0.0.1:1/train-images-idx3-ubyte.gz"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
    }

    @Test func downloadFromAPlainHTTPMirrorIsABadFlag() throws {
        let directory = try TemporaryDirectory(prefix: "mnistlab")
        defer { directory.remove() }
        let result = try runMNIST(["download", "--data", directory.path, "--mirror", "http://example.com/mnist/"])
        #expect(result.status == 64, "\(result.stderr)")
        #expect(result.stderr.contains("must be an https:// URL"))
    }
}
