import Datasets
import Foundation
import Testing
import TestSupport

@Suite("Where the data is: --data, then BACKPROPLAB_DATA, then the cache")
struct DataLocationTests {
    @Test("the flag wins, then the environment, then the cache directory")
    func precedence() {
        let environment = ["BACKPROPLAB_DATA": "/env/mnist"]
        #expect(DataLocation.resolve(flag: "/flag", environment: environment, homeDirectory: "/home/u")
            == DataLocation(directory: "/flag", source: .flag))
        #expect(DataLocation.resolve(flag: nil, environment: environment, homeDirectory: "/home/u")
            == DataLocation(directory: "/env/mnist", source: .environment))
        #expect(DataLocation.resolve(flag: "", environment: ["BACKPROPLAB_DATA": ""], homeDirectory: "/home/u")
            == DataLocation(directory: "/home/u/.cache/backproplab/mnist", source: .cache))
        #expect(DataLocation.cacheDirectory(environment: ["XDG_CACHE_HOME": "/xdg"], homeDirectory: "/home/u")
            == "/xdg/backproplab/mnist")
        #expect(DataLocation.cacheDirectory(environment: ["HOME": "/h"]) == "/h/.cache/backproplab/mnist")
    }

    @Test("no data anywhere: one line that says how to get it")
    func nothingFound() throws {
        let home = try TemporaryDirectory()
        defer { home.remove() }
        let error = try #require(throws: DatasetError.self) {
            try DataLocation.locate(flag: nil, environment: [:], homeDirectory: home.path)
        }
        #expect(error.file == home.path + "/.cache/backproplab/mnist")
        #expect(error.problem.contains("no such directory (chosen by the default cache directory)"))
        #expect(error.problem.contains("run `mnist download`"))
        #expect(error.problem.contains("--data DIR"))
        #expect(error.problem.contains("BACKPROPLAB_DATA=DIR"))
        #expect(!error.description.contains("\n"))
        try FileManager.default.createDirectory(atPath: home.file("empty"), withIntermediateDirectories: true)
        let empty = try #require(throws: DatasetError.self) {
            try DataLocation.locate(flag: home.file("empty"), environment: [:], homeDirectory: home.path)
        }
        #expect(empty.problem.hasPrefix("no MNIST files here (chosen by --data); run `mnist download` to fetch them into \(home.path)/.cache/backproplab/mnist"))
    }

    @Test("a directory holding the files is found; a partial one names the missing file")
    func found() throws {
        let data = try TemporaryDirectory()
        defer { data.remove() }
        try Synthetic.writeMNIST(into: data, training: 3, test: 2, gzip: false)
        let location = try DataLocation.locate(flag: nil, environment: ["BACKPROPLAB_DATA": data.path], homeDirectory: "/nonexistent")
        #expect(location == DataLocation(directory: data.path, source: .environment))
        try FileManager.default.removeItem(atPath: data.file("train-labels-idx1-ubyte"))
        let error = try #require(throws: DatasetError.self) {
            try DataLocation.locate(flag: data.path, environment: [:], homeDirectory: "/nonexistent")
        }
        #expect(error.file == data.file("train-labels-idx1-ubyte.gz"))
    }
}
