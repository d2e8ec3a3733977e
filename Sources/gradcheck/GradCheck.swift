import ArgumentParser
import BackpropEngine
import ClassroomPages
import CommandLineSupport
import ExternalGradient
import Foundation
import GradientChecking
import Rendering

/// Proves backprop right (or finds where it is wrong): every weight and bias of a
/// network, backprop against central finite differences and the compiler's autodiff.
/// Exit status 0 when the check passes, 1 when it fails, 2 on bad input.
@main
struct GradCheck: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gradcheck",
        abstract: "Check backprop's gradient — BackpropLab's, or yours — against finite differences and autodiff.",
        discussion: """
        Your own backprop: --network-py FILE.py (a network.py-style module, Python 3 + NumPy), \
        --exec 'CMD ARGS' (any program speaking the JSON-lines protocol of docs/gradient-protocol.md; \
        it runs with your rights), or --model M.json --input … --target … --gradient G.json.
        Exit status: 0 when the check passes, 1 when it fails, 2 when there is no verdict \
        (bad input, or the program crashed, hung or printed garbage).
        """
    )

    @Option(help: "Layer sizes of a random network (default 2,3,1).", transform: LayerSizes.parse)
    var sizes: LayerSizes?

    @Option(help: "Check the network in FILE (network2 JSON) instead of a random one.")
    var model: String?

    @Option(help: "Cost: quadratic or cross-entropy (default: quadratic, or the model file's cost).")
    var cost: Cost?

    @Option(help: "L2 regularization λ; the cost checked is (1/m) Σ Cx + (λ/2n) Σ w².")
    var lambda = 0.0

    @Option(help: "Training-set size n of the L2 term (λ/2n) Σ w² (default: the mini-batch size).")
    var n: Int?

    @Option(name: .customLong("exec"), help: "Check the gradient of a program: CMD ARGS, split like a shell would, run without one, spoken to in the JSON-lines protocol.")
    var exec: String?

    @Option(name: .customLong("network-py"), help: "Check the backprop of a Python 3 module in network.py style (class Network) or notebook style (top-level backprop).")
    var networkPy: String?

    @Option(help: "The Python interpreter for --network-py.")
    var python = "python3"

    @Option(help: "Seconds the program may take for one answer before it is stopped (--exec, --network-py).")
    var timeout = 5.0

    @Option(help: "With --model: a gradient file {\"nabla_b\": …, \"nabla_w\": …} to check for --input/--target or --examples.")
    var gradient: String?

    @Option(help: "With --gradient: the example's input x, comma-separated.", transform: NumberList.parse)
    var input: NumberList?

    @Option(help: "With --gradient: the example's target y, comma-separated.", transform: NumberList.parse)
    var target: NumberList?

    @Option(help: "With --gradient: a JSON list of {\"x\": […], \"y\": […]} examples (the gradient is their mean).")
    var examples: String?

    @Option(help: "Mini-batch size m: the cost checked is the mean over this many synthetic examples.")
    var batch = 4

    @Option(help: "Fraction of non-zero synthetic inputs (MNIST pixels: about 0.19); the rest are uniform in [0, 1).")
    var density = 1.0

    @OptionGroup var check: CheckFlags

    @Option(help: "Check a deliberately broken backprop instead (see --list-bugs).")
    var bug: BackpropBug?

    @Option(help: "An exercise of lesson 7: check mystery bug N (1…8) without naming it or saying which equation is wrong.")
    var mystery: Int?

    @Option(help: "With --mystery: your answer, the wrong equation (BP1, BP2, BP3, BP4 or mean); gradcheck says whether it is right.")
    var guess: Culprit?

    @Flag(help: "List the bugs of the bug zoo and exit.")
    var listBugs = false

    @Option(help: "Output: text for people, json for scripts, html for a page (per-layer heat maps of the relative error).")
    var format = ReportFormat.text

    @OptionGroup var seedOption: SeedOption

    @OptionGroup var language: LanguageOption

    func validate() throws {
        if model != nil, sizes != nil { throw ValidationError("--sizes and --model both give the network; use one") }
        guard lambda.isFinite, lambda >= 0 else { throw ValidationError("--lambda must be a number ≥ 0, got \(lambda)") }
        try requireAtLeast(batch, 1, "--batch")
        guard batch <= 100_000 else { throw ValidationError("--batch must be at most 100000, got \(batch)") }
        guard density > 0, density <= 1 else { throw ValidationError("--density must be in (0, 1], got \(density)") }
        if let mystery {
            guard BackpropBug.mysteryOrder.indices.contains(mystery - 1) else {
                throw ValidationError("--mystery must be 1 to \(BackpropBug.mysteryOrder.count), got \(mystery)")
            }
            if bug != nil { throw ValidationError("--mystery picks the bug itself; leave out --bug") }
        }
        if guess != nil, mystery == nil { throw ValidationError("--guess answers a --mystery exercise; give --mystery N too") }
        try validateOwnGradient()
    }

    mutating func run() throws {
        if listBugs {
            print(GradCheckOutput.bugList(language: language.language))
            return
        }
        if let ownGradient = try ownGradientMode() {
            try checkOwnGradient(ownGradient)
            return
        }
        let json = format != .text // json and html: nothing but the document on stdout
        let mysteryBug = mystery.map { BackpropBug.mysteryOrder[$0 - 1] }
        let bug = bug ?? mysteryBug
        let lang = language.language
        var generator = seedOption.makeGenerator(announce: !json, language: lang)
        var network: Network
        if let model {
            do {
                network = try ModelFile.load(from: model)
            } catch {
                Terminal.printError("gradcheck: \(error)")
                throw ExitStatus.badInput
            }
            if let cost { network.cost = cost }
        } else {
            network = try Network(sizes: (sizes ?? LayerSizes([2, 3, 1])).values, cost: cost ?? .quadratic, generator: &generator)
        }
        let examples = SyntheticBatch.make(sizes: network.sizes, count: batch, density: density, generator: &generator)
        let options = check.options
        if !json {
            print(GradCheckOutput.header(network: network, model: model, batch: batch, density: density,
                                         lambda: lambda, options: options, bug: bug, mystery: mystery, language: lang))
        }
        let autodiff = check.oracle == .fd ? nil : AutodiffReference.oracle(network: network, batch: examples, lambda: lambda, n: n ?? batch)
        let report = GradientChecker(options: options).check(
            network: network, batch: examples, lambda: lambda, n: n ?? batch,
            gradient: bug?.gradient ?? TextbookGradient.mean, autodiff: autodiff, generator: &generator)
        if format == .html {
            let context = GradCheckOutput.header(network: network, model: model, batch: batch, density: density, lambda: lambda,
                                                 options: options, bug: bug, mystery: mystery, language: lang).split(separator: "\n").map(String.init)
            print(GradientCheckPage(text: .of(lang)).render(report, context: [lang.text("seed: \(seedOption.seed)", "随机种子：\(seedOption.seed)")] + context, diagnose: mystery == nil, picture: bug != nil), terminator: "")
        } else {
            do {
                print(format == .json ? try report.json(seed: seedOption.seed, bug: bug) : report.text(diagnose: mystery == nil, language: lang))
            } catch {
                Terminal.printError("gradcheck: \(error)")
                throw ExitStatus.badInput
            }
        }
        if let mysteryBug, !json { print(GradCheckOutput.exerciseFeedback(bug: mysteryBug, guess: guess, report: report, language: lang)) }
        if !report.passed { throw ExitStatus.checkFailed }
    }
}

enum ModeChoice: String, CaseIterable, ExpressibleByArgument {
    case full, directional, sample
}

enum OracleChoice: String, CaseIterable, ExpressibleByArgument {
    case fd, autodiff, both
}

extension BackpropBug: ExpressibleByArgument {}

extension Culprit: ExpressibleByArgument {}

extension ReportFormat: ExpressibleByArgument {}
