import Foundation

/// Wall-clock and CPU time since creation (CPU time shows the cost on a busy machine).
struct Stopwatch {
    let wall = Date()
    let cpu = clock()

    func reading() -> String {
        let cpuSeconds = Double(clock() - cpu) / Double(CLOCKS_PER_SEC)
        return String(format: "%.2f s (CPU %.2f s)", Date().timeIntervalSince(wall), cpuSeconds)
    }
}
