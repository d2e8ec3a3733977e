import Foundation
import Synchronization

/// One status line redrawn in place on a terminal (`\r`, padded over the previous text);
/// silent when disabled, so pipes, files and JSON stay clean. (`ProgressBar` draws a
/// bar of done/total instead.)
public final class ProgressLine: Sendable {
    public let enabled: Bool
    /// Characters drawn last time, to blank out a longer previous line.
    private let drawn = Mutex<Int>(0)

    public init(enabled: Bool) {
        self.enabled = enabled
    }

    /// Replaces the line with `text`.
    public func show(_ text: String) {
        guard enabled else { return }
        let padding = drawn.withLock { previous in
            defer { previous = text.count }
            return String(repeating: " ", count: max(0, previous - text.count))
        }
        FileHandle.standardOutput.write(Data(("\r" + text + padding).utf8))
    }

    /// Erases the line so the next output starts on a clean line.
    public func clear() {
        guard enabled else { return }
        let width = drawn.withLock { previous in
            defer { previous = 0 }
            return previous
        }
        guard width > 0 else { return }
        FileHandle.standardOutput.write(Data(("\r" + String(repeating: " ", count: width) + "\r").utf8))
    }
}
