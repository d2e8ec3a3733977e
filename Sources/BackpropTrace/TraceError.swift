import BackpropEngine

/// Why a trace could not be made, in one line for the command line.
public enum TraceError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The options do not fit together (lengths, counts, sizes).
    case invalidOptions(String)
    /// The model file could not be read (the command exits with status 2).
    case modelFile(ModelFileError)

    public var description: String {
        switch self {
        case .invalidOptions(let message): message
        case .modelFile(let error): error.description
        }
    }
}
