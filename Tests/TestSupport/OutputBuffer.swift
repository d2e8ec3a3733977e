import Foundation

/// The bytes one pipe of a child has delivered so far, filled by a reader thread and
/// read by the test's thread (hence the lock).
final class OutputBuffer: @unchecked Sendable {
    private let condition = NSCondition()
    private var bytes = Data()
    private var finished = false

    /// Starts a thread that reads `handle` until end of file. Reading each pipe on its
    /// own thread is what keeps a child that fills one pipe (64 KiB on Linux) while we
    /// wait on the other from blocking forever.
    init(draining handle: FileHandle) {
        Thread.detachNewThread { [self] in
            while true {
                let chunk = handle.availableData
                condition.lock()
                if chunk.isEmpty {
                    finished = true
                } else {
                    bytes.append(chunk)
                }
                condition.broadcast()
                condition.unlock()
                if chunk.isEmpty { return }
            }
        }
    }

    /// The text so far.
    var text: String {
        condition.lock()
        defer { condition.unlock() }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Waits until the pipe reaches end of file or `deadline` passes; true at end of file.
    @discardableResult
    func waitForEnd(until deadline: Date) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while !finished {
            if !condition.wait(until: deadline) { return finished }
        }
        return true
    }

    /// Waits until the text so far satisfies `isReady` or the pipe ends or `deadline`
    /// passes; returns the text then.
    func waitForText(until deadline: Date, _ isReady: (String) -> Bool) -> String {
        condition.lock()
        defer { condition.unlock() }
        while true {
            let text = String(decoding: bytes, as: UTF8.self)
            if isReady(text) || finished { return text }
            if !condition.wait(until: deadline) { return String(decoding: bytes, as: UTF8.self) }
        }
    }
}
