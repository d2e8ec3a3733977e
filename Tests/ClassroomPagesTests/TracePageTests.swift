import BackpropEngine
import BackpropTrace
import Foundation
import Testing
import TestSupport

/// `backprop-trace --format html` opened in a real headless Chromium (one launch per
/// page): the DOM after the script ran, a real ArrowRight key press, every number
/// against `--format json`, nothing fetched, a screenshot that is not blank.
@Suite(.serialized) struct TracePageTests {
    static let networks: [(name: String, arguments: [String])] = [
        ("2-3-1", []),
        ("3-4-4-2-batch-cross-entropy", ["--sizes", "3,4,4,2", "--input", "1,0.5,0.2", "--target", "0,1", "--batch", "3", "--cost", "cross-entropy"]),
    ]

    @Test(arguments: networks.map(\.name))
    func pageShowsTheTrace(name: String) throws {
        let arguments = try #require(Self.networks.first { $0.name == name }).arguments
        try TemporaryDirectory.with(prefix: "classroom-pages") { try check(arguments, name: name, directory: $0) }
    }

    @Test func pageOfA784_30_10ModelFile() throws {
        try TemporaryDirectory.with(prefix: "classroom-pages") { directory in
            let model = directory.file("model.json")
            try ModelFile.save(try Network(sizes: [784, 30, 10], seed: 7), to: model)
            let input = (0..<784).map { String(Double($0 % 17) / 16) }.joined(separator: ",")
            let target = (0..<10).map { $0 == 3 ? "1" : "0" }.joined(separator: ",")
            try check(["--model", model, "--input", input, "--target", target], name: "784-30-10", directory: directory)
        }
    }

    /// Writes the page into `directory`, opens it in Chromium and checks what it shows.
    private func check(_ arguments: [String], name: String, directory: TemporaryDirectory) throws {
        let json = try Child.trace(arguments + ["--format", "json"])
        #expect(json.status == 0, "\(json.stderr)")
        let numbers = try TraceNumbers(json: json.stdout)
        let page = directory.url.appendingPathComponent("\(name).html")
        let written = try Child.trace(arguments + ["--format", "html", "--output", page.path])
        #expect(written.status == 0, "\(written.stderr)")
        #expect(written.stdout.isEmpty)

        let shown = try Child.browse(page)
        #expect(shown.steps == numbers.expectedSteps)
        #expect(shown.math >= shown.steps)
        #expect(shown.current == 0)
        #expect(shown.visible_steps == 1)
        #expect(shown.current_after == 1, "ArrowRight moves to the second step")
        #expect(shown.visible_after == ["step-2"])
        #expect(shown.numbers.count > 50)
        let problems = numbers.problems(shown.numbers)
        #expect(problems.isEmpty, "\(problems.prefix(5))")
        #expect(shown.resources == 0)
        #expect(shown.requests.isEmpty, "\(shown.requests)")
        #expect(shown.remote_urls.isEmpty, "\(shown.remote_urls)")
        #expect(shown.colours > 200, "the screenshot has \(shown.colours) colours")
        #expect(shown.pdf_pages == shown.steps + 1, "printed: the drawing, then one step per page")
    }
}
