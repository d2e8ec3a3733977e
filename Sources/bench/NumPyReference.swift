import Foundation

/// Runs `Benchmarks/numpy_reference.py` with python3 on one thread and reads its
/// per-epoch lines (`epoch E seconds S cpu P correct C`).
struct NumPyReference {
    let script: String

    func run(dataDirectory: String, sizes: [Int], epochs: Int, seed: UInt64) -> Result<EpochTiming.Result, ReferenceError> {
        guard FileManager.default.fileExists(atPath: script) else {
            return .failure(ReferenceError("no \(script) (run from the package directory)"))
        }
        let output: String
        do {
            output = try runProcess("/usr/bin/env", ["python3", script, "--data", dataDirectory,
                                                     "--sizes", sizes.map(String.init).joined(separator: ","),
                                                     "--epochs", String(epochs), "--seed", String(seed)],
                                    environment: ["OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"])
        } catch {
            return .failure(error)
        }
        var seconds: [Double] = [], cpu: [Double] = [], correct: [Int] = []
        for line in output.split(separator: "\n") {
            let words = line.split(separator: " ")
            guard words.count == 8, words[0] == "epoch", let s = Double(words[3]), let p = Double(words[5]),
                  let c = Int(words[7]) else { continue }
            seconds.append(s)
            cpu.append(p)
            correct.append(c)
        }
        guard let best = seconds.min() else { return .failure(ReferenceError("python3 printed no epochs")) }
        return .success(EpochTiming.Result(epochs: seconds.count, seconds: best, cpuSeconds: cpu.min() ?? 0,
                                              firstCorrect: correct.first))
    }
}

/// Why a child process gave no result, in a phrase.
struct ReferenceError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Runs `executable` with `arguments` (plus `environment` over this process's own) and
/// returns its standard output; standard error is passed through.
func runProcess(_ executable: String, _ arguments: [String], environment: [String: String] = [:]) throws(ReferenceError) -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    let pipe = Pipe()
    process.standardOutput = pipe
    do {
        try process.run()
    } catch {
        throw ReferenceError("cannot run \(executable): \(error.localizedDescription)")
    }
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let output = String(decoding: data, as: UTF8.self)
    guard process.terminationStatus == 0 else {
        throw ReferenceError("\(URL(fileURLWithPath: arguments.first ?? executable).lastPathComponent) exited with status \(process.terminationStatus)")
    }
    return output
}
