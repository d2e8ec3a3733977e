import ChildProcess
import Foundation

/// Runs `Benchmarks/numpy_reference.py` with python3 on one thread and reads its
/// per-epoch lines (`epoch E seconds S cpu P correct C`).
struct NumPyReference {
    let script: String
    /// network.py's form (`--per-example`: backprop one example at a time, ∇ summed)
    /// instead of each mini-batch as one matrix.
    var perExample = false

    func run(dataDirectory: String, sizes: [Int], epochs: Int, batch: Int, seed: UInt64,
             limit: Int) -> Result<EpochTiming.Result, ReferenceError> {
        guard FileManager.default.fileExists(atPath: script) else {
            return .failure(ReferenceError("no \(script) (run from the package directory)"))
        }
        let output: String
        do {
            output = try runProcess("/usr/bin/env", ["python3", script, "--data", dataDirectory,
                                                     "--sizes", sizes.map(String.init).joined(separator: ","),
                                                     "--epochs", String(epochs), "--batch", String(batch),
                                                     "--seed", String(seed), "--limit", String(limit)]
                                                     + (perExample ? ["--per-example"] : []),
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

/// Runs `executable` with `arguments` (plus `environment` over this process's own)
/// through `ChildProcess`'s `RunningProgram` (no shell; both pipes read as it runs) and
/// returns its standard output; what it wrote on standard error is passed on to ours
/// when it ends. It stays in our process group, so a Ctrl-C stops it with us; past
/// `timeout` (an hour: far above a 30-epoch full run or a NumPy epoch, even in a debug
/// build) it is killed.
func runProcess(_ executable: String, _ arguments: [String], environment: [String: String] = [:],
                timeout: Duration = .seconds(3600)) throws(ReferenceError) -> String {
    let result: ProgramResult
    do {
        result = try RunningProgram(arguments: [executable] + arguments,
                                    environment: ProcessInfo.processInfo.environment.merging(environment) { $1 },
                                    ownProcessGroup: false).wait(timeout: timeout)
    } catch {
        throw ReferenceError(error.description)
    }
    FileHandle.standardError.write(Data(result.standardError))
    let name = URL(fileURLWithPath: arguments.first ?? executable).lastPathComponent
    guard !result.killedBySignal else { throw ReferenceError("\(name) was killed by signal \(result.status)") }
    guard result.status == 0 else { throw ReferenceError("\(name) exited with status \(result.status)") }
    return result.stdout
}
