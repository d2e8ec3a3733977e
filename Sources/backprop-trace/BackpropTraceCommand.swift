import ArgumentParser
import BackpropEngine
import BackpropTrace
import CommandLineSupport
import Files
import Foundation
import Localization
import Rendering

/// Shows every number of one backpropagation on a small network, equation by
/// equation (BP1–BP4), in the book's notation.
@main
struct BackpropTraceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backprop-trace",
        abstract: "Trace one backpropagation through a small sigmoid network, equation by equation (BP1–BP4).",
        discussion: "Layers are numbered as in the book: the input is l = 1. Default: a [2,3,1] network from --seed 1, x = (1.0, 0.5), y = (0.0), quadratic cost."
    )

    @Option(help: "Layer sizes (default 2,3,1, or the model file's).", transform: LayerSizes.parse)
    var sizes: LayerSizes?

    @OptionGroup var seedOption: SeedOption

    @OptionGroup var language: LanguageOption

    @Option(help: "An input x1,x2,… (repeat with --target for a mini-batch).")
    var input: [NumberList] = []

    @Option(help: "The target y1,… for each --input (default 0.0 when the network has one output).")
    var target: [NumberList] = []

    @Option(help: "Mini-batch size m: adds examples with x and y uniform in [0, 1] (two decimals) drawn from the seed, then shows one gradient-descent step.")
    var batch: Int?

    @Option(help: "Cost: quadratic or cross-entropy (default quadratic, or the model file's).")
    var cost: Cost?

    @Option(help: "Trace this network2 JSON model instead of a random network.")
    var model: String?

    @Option(help: "Learning rate η for the mini-batch step.")
    var eta = TraceRequest.defaultEta

    @Option(help: ArgumentHelp("With --batch: the L2 regularization parameter λ; the step becomes network2.py's w → (1 − ηλ/n)w − (η/m)Σ∇Cₓ (biases not decayed).", valueName: "λ"))
    var lambda: Double?

    @Option(name: .customLong("n"), help: ArgumentHelp("With --lambda: the training-set size n of the decay ηλ/n (default: the mini-batch size m).", valueName: "n"))
    var trainingSetSize: Int?

    @Option(help: "Output: text, markdown, latex, json, html (a page to project and step through) or svg (the network drawing).")
    var format = TraceFormat.text

    @Flag(help: "Plain ASCII text (no Unicode symbols or colour).")
    var ascii = false

    @Flag(help: "Pause after each equation until Enter (only when standard input is a terminal).")
    var step = false

    @Option(help: ArgumentHelp("Write the output to FILE (atomically) instead of standard output.", valueName: "file"))
    var output: String?

    @Option(name: .customLong("at-step"), help: ArgumentHelp("With --format svg: draw the network as step N of the html page shows it (default: every value of the trace).", valueName: "n"))
    var atStep: Int?

    func validate() throws {
        if atStep != nil, format != .svg { throw ValidationError("--at-step draws one step of the picture; give --format svg too") }
    }

    mutating func run() throws {
        var request = TraceRequest()
        request.sizes = sizes?.values
        request.seed = seedOption.seed
        request.inputs = input.map(\.values)
        request.targets = target.map(\.values)
        request.batch = batch
        request.cost = cost
        request.modelPath = model
        request.eta = eta
        request.lambda = lambda
        request.n = trainingSetSize
        let trace: TracedBackprop
        do {
            trace = try request.makeTrace()
        } catch .modelFile(let error) {
            Terminal.printError("backprop-trace: \(error)")
            throw ExitStatus.badInput
        } catch {
            throw ValidationError(error.description)
        }
        let lang = language.language
        var chunks = format.chunks(trace, ascii: ascii, color: !ascii && output == nil && Terminal.supportsColor, language: lang)
        if let atStep {
            do { chunks = [TraceChunk(try TracePicture.svg(trace, step: atStep, text: .of(lang)) + "\n")] } catch { throw ValidationError(error.description) }
        }
        if let output {
            do {
                try AtomicFile.write(Data(chunks.joinedText.utf8), to: output)
            } catch {
                Terminal.printError("backprop-trace: \(error)")
                throw ExitStatus.badInput
            }
            FileHandle.standardError.write(Data(lang.text("wrote \(output)\n", "已写入 \(output)\n").utf8))
            return
        }
        var pauser = StepPauser(
            enabled: step && Terminal.isStandardInputATerminal,
            write: { FileHandle.standardOutput.write(Data($0.utf8)) },
            prompt: { FileHandle.standardError.write(Data($0.utf8)) },
            waitForEnter: { readLine() != nil },
            message: lang.text("[press Enter for the next step]", "[按回车键显示下一步]")
        )
        pauser.run(chunks)
    }
}

extension TraceFormat: ExpressibleByArgument {}
