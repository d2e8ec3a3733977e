import Foundation
import TestSupport

/// A small HTTP server on 127.0.0.1, run as a `python3` child process for one test
/// and killed by `stop()`. It serves the files of `root` under several prefixes:
///
/// - `/good/NAME`: the file as it is;
/// - `/cut/NAME`: the full Content-Length, then half the body, then the connection closes;
/// - `/corrupt/NAME`: the file gunzipped, one byte flipped, gzipped again;
/// - `/flaky/NAME`: HTTP 503 on the first request for each name, then the file;
/// - `/slow/NAME`: headers, then silence for 30 seconds;
/// - anything else: 404.
///
/// It exits by itself when its stdin closes, so it cannot outlive a crashed test.
final class LoopbackServer {
    let child: RunningChild
    let port: Int

    var base: String { "http://127.0.0.1:\(port)" }

    /// Starts serving `root`; nil (the test should be skipped) if python3 is missing.
    init?(root: String) throws {
        let directory = try TemporaryDirectory(prefix: "loopback")
        defer { directory.remove() }
        let script = try directory.write("server.py", Data(Self.script.utf8))
        guard let python = TestProcess.python3 else { return nil }
        child = try TestProcess.start(python, [script, root], pipeInput: true)
        // The script prints its port once it is listening.
        guard let line = child.firstLine(timeout: .seconds(30)), let port = Int(line) else {
            child.send(SIGKILL)
            _ = try? child.wait(timeout: .seconds(10))
            return nil
        }
        self.port = port
    }

    func stop() {
        child.closeInput()
        child.send(SIGKILL)
        _ = try? child.wait(timeout: .seconds(10))
    }

    static let script = #"""
import gzip, os, sys, threading, time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

root = sys.argv[1]
seen = set()
lock = threading.Lock()

class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_GET(self):
        parts = self.path.strip("/").split("/")
        if len(parts) != 2 or parts[0] not in ("good", "cut", "corrupt", "flaky", "slow"):
            return self.send_error(404)
        mode, name = parts
        path = os.path.join(root, os.path.basename(name))
        if not os.path.isfile(path):
            return self.send_error(404)
        body = open(path, "rb").read()
        if mode == "flaky":
            with lock:
                first = name not in seen
                seen.add(name)
            if first:
                return self.send_error(503)
        if mode == "corrupt":
            content = bytearray(gzip.decompress(body))
            content[len(content) // 2] ^= 0xFF
            body = gzip.compress(bytes(content))
        self.send_response(200)
        self.send_header("Content-Type", "application/octet-stream")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if mode == "cut":
            self.wfile.write(body[: len(body) // 2])
            self.wfile.flush()
            self.close_connection = True
            return
        if mode == "slow":
            time.sleep(30)
            return
        self.wfile.write(body)

server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
server.daemon_threads = True
print(server.server_address[1], flush=True)
threading.Thread(target=server.serve_forever, daemon=True).start()
sys.stdin.read()  # returns when the test closes stdin or dies
os._exit(0)
"""#
}
