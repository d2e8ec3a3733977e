import Foundation
import Glibc

/// Whether a process has ended, as the tests may ask of any process id.
enum ProcessState {
    /// True once `pid` has ended: no such process, or a zombie (dead, only waiting to be
    /// reaped). A killed grandchild is reaped by PID 1, not by us, and this machine's PID 1
    /// does so only every second or so: a zombie is as dead as a process gets.
    static func hasEnded(_ pid: pid_t) -> Bool {
        if kill(pid, 0) == -1 && errno == ESRCH { return true }
        // /proc/PID/stat: "PID (COMMAND) STATE ..."; the command may contain spaces or ')'.
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return true }
        return stat[stat.index(after: close)...].split(separator: " ").first == "Z"
    }

    /// Waits up to `limit` for `pid` to end (a SIGKILL takes effect at once, but a
    /// loaded machine may take a moment to schedule it); whether it did.
    static func ends(_ pid: pid_t, within limit: Duration) -> Bool {
        let deadline = ContinuousClock.now + limit
        while !hasEnded(pid) {
            guard ContinuousClock.now < deadline else { return false }
            usleep(10_000)
        }
        return true
    }
}
