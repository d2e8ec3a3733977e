import BackpropEngine
import Files
import Foundation
import JSONOutput

/// A training run saved after an epoch: the network, and what it takes to go on.
///
/// The file is a `network2.py` model file with one extra key, so `mnist evaluate`,
/// `ModelFile.load` and the book's `network2.load` all read it as a plain model:
///
///     {"sizes": [...], "weights": [...], "biases": [...], "cost": "QuadraticCost",
///      "backproplab_checkpoint": {"settings": {...}, "history": [...], "next_epoch": 3}}
///
/// The random state is not stored as generator words: the initial weights come from the
/// seed and epoch j shuffles with `TrainingRun.epochGenerator(seed:epoch:)`, so the seed
/// (in `settings`) and `next_epoch` fix it exactly.
public struct Checkpoint: Equatable, Sendable {
    /// The key under which the run's state sits beside the network2 keys.
    public static let key = "backproplab_checkpoint"

    public var network: Network
    public var settings: TrainingSettings
    public var history: [EpochResult]

    public init(network: Network, settings: TrainingSettings, history: [EpochResult]) {
        self.network = network
        self.settings = settings
        self.history = history
    }

    /// The extra key's content.
    private struct State: Codable {
        var settings: TrainingSettings
        var history: [EpochResult]
        var next_epoch: Int
    }

    /// The file's text: `ModelFile.node`'s JSON object with the extra key added, in the
    /// model files' compact layout, ending in a newline.
    ///
    /// - Throws: `ModelFileError` for a NaN or infinite weight (see `ModelFile.node`) or
    ///   when the state cannot be encoded.
    public func encode() throws(ModelFileError) -> String {
        guard case .object(var fields) = try ModelFile.node(network) else {
            throw ModelFileError(file: nil, problem: "the checkpoint could not be encoded: the model is not a JSON object")
        }
        do {
            fields[Self.key] = try Node(encoding: State(settings: settings, history: history, next_epoch: history.count))
        } catch {
            throw ModelFileError(file: nil, problem: "the checkpoint could not be encoded: \(error)")
        }
        return Node.object(fields).text(.compact) + "\n"
    }

    /// Writes the checkpoint atomically: `path` holds the previous checkpoint or this one.
    public func save(to path: String) throws(ModelFileError) {
        try AtomicFile.write(Data(try encode().utf8), to: path)
    }

    /// Reads a checkpoint written by `save`.
    ///
    /// - Throws: `ModelFileError` naming the file: not a model, or a model without the
    ///   checkpoint key (a `--save` file cannot be resumed), or inconsistent state.
    public static func load(from path: String) throws(ModelFileError) -> Checkpoint {
        _ = try ModelFile.load(from: path)  // the file's checks: exists, size, a valid network
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ModelFileError(file: path, problem: "cannot be read")
        }
        do {
            return try decode(String(decoding: data, as: UTF8.self))
        } catch {
            throw ModelFileError(file: path, problem: error.problem)
        }
    }

    /// Decodes the text `encode` wrote.
    public static func decode(_ text: String) throws(ModelFileError) -> Checkpoint {
        let data = Data(text.utf8)
        let network = try ModelFile.decode(data)
        struct File: Decodable {
            var backproplab_checkpoint: State?
        }
        let file: File
        do {
            file = try Node.decoder().decode(File.self, from: data)
        } catch {
            throw ModelFileError(file: nil, problem: "the \"\(key)\" entry is not a valid checkpoint state")
        }
        guard let state = file.backproplab_checkpoint else {
            throw ModelFileError(file: nil, problem: "is a model but not a checkpoint (no \"\(key)\" key); write one with --checkpoint")
        }
        guard state.next_epoch == state.history.count, state.settings.sizes == network.sizes,
              state.settings.cost == network.cost
        else {
            throw ModelFileError(file: nil, problem: "the checkpoint's settings, history and network disagree")
        }
        return Checkpoint(network: network, settings: state.settings, history: state.history)
    }
}
