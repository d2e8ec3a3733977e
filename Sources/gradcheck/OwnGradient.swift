import ArgumentParser
import BackpropEngine
import ChildProcess
import CommandLineSupport
import ExternalGradient
import Foundation
import GradientChecking
import Rendering

/// Which gradient that BackpropLab did not compute is checked.
enum OwnGradientMode {
    /// A program, as argv (`--exec`, or the built-in adapter for `--network-py`).
    case program(arguments: [String], subject: String)
    /// A gradient file for a model and examples.
    case file(String)
}

extension GradCheck {
    /// The flag combinations of the own-gradient modes.
    func validateOwnGradient() throws {
        let modes = [exec != nil, networkPy != nil, gradient != nil].filter { $0 }.count
        guard modes <= 1 else { throw ValidationError("--exec, --network-py and --gradient each give the gradient under test; use one") }
        if modes == 1, bug != nil || mystery != nil { throw ValidationError("--bug and --mystery check BackpropLab's own buggy backprop; leave them out with --exec, --network-py or --gradient") }
        try requirePositive(timeout, "--timeout")
        guard timeout <= 3600 else { throw ValidationError("--timeout must be at most 3600 seconds, got \(timeout)") }
        if let n { try requireAtLeast(n, 1, "--n") }
        if gradient != nil {
            guard model != nil else { throw ValidationError("--gradient needs --model: the network the gradient belongs to") }
            guard (input != nil && target != nil) != (examples != nil) else {
                throw ValidationError("--gradient needs either --input and --target (one example) or --examples FILE")
            }
        } else if input != nil || target != nil || examples != nil {
            throw ValidationError("--input, --target and --examples go with --gradient")
        }
    }

    /// The mode asked for, or `nil` for BackpropLab's own backprop.
    func ownGradientMode() throws -> OwnGradientMode? {
        if let exec {
            do {
                return .program(arguments: try CommandSplitter.split(exec), subject: exec)
            } catch {
                throw ValidationError("--exec: \(error)")
            }
        }
        if let networkPy {
            guard FileManager.default.fileExists(atPath: networkPy) else {
                Terminal.printError("gradcheck: \(networkPy): no such file")
                throw ExitStatus.badInput
            }
            return .program(arguments: PythonAdapter.arguments(python: python, module: networkPy), subject: networkPy)
        }
        return gradient.map(OwnGradientMode.file)
    }

    /// Runs the probing suite (or the file check), prints the report, exits 0, 1 or 2.
    func checkOwnGradient(_ mode: OwnGradientMode) throws {
        let json = format == .json
        let options = check.tolerances
        let lang = language.language
        if !json { print(lang.text("seed: \(seedOption.seed)", "随机种子：\(seedOption.seed)")) }
        let report: ProbeSuiteReport
        do {
            var network: Network?
            if let model {
                do { network = try ModelFile.load(from: model) } catch { throw NoVerdict("\(error)") }
                if let cost { network?.cost = cost }
            } else if let sizes {
                network = try? Network(sizes: sizes.values, cost: cost ?? .quadratic, seed: seedOption.seed)
            }
            switch mode {
            case .program(let arguments, let subject):
                if !json {
                    print(lang.text("checking \(subject) with the probing suite (timeout \(timeout) s per answer)",
                                    "用探针组检验 \(subject)（每次回答限时 \(timeout) 秒）"))
                }
                report = try ExternalCheck.run(arguments: arguments, subject: subject, seed: seedOption.seed, options: options,
                                               timeout: .milliseconds(Int(timeout * 1000)), extra: network)
            case .file(let path):
                guard let network else { throw NoVerdict("--gradient needs --model") }
                let batch: [Example]
                if let examples {
                    batch = try GradientFileCheck.examples(path: examples, sizes: network.sizes)
                } else {
                    batch = [try GradientFileCheck.example(x: input?.values ?? [], y: target?.values ?? [],
                                                           sizes: network.sizes, source: "--input/--target")]
                }
                report = try GradientFileCheck.run(network: network, examples: batch, gradientPath: path, lambda: lambda,
                                                   n: n ?? batch.count, seed: seedOption.seed, options: options)
            }
        } catch {
            Terminal.printError("gradcheck: no verdict: \(error)")
            throw ExitStatus.badInput
        }
        do {
            print(json ? try report.json() : report.text(language: lang) { lang.text($0, PythonAdapter.chineseReason($0) ?? $0) })
        } catch {
            Terminal.printError("gradcheck: \(error)")
            throw ExitStatus.badInput
        }
        if report.checked == 0 { throw ExitStatus.badInput }
        if !report.passed { throw ExitStatus.checkFailed }
    }
}
