import Foundation
import Localization
import Testing

@Suite("The glossary file and the alias check")
struct GlossaryParsingTests {
    static let sample = """
    # a comment
    english\tchinese\taliases

    mini-batch\t小批量\t小批次, 小批量数据
    mini-batch size\t小批量大小\t批大小, 批量大小
    sigmoid neuron\tS 型神经元\tS型神经元
    epoch\t迭代期
    """

    @Test func parsesEntries() throws {
        let glossary = try Glossary(parsing: Self.sample, source: "g.tsv")
        #expect(glossary.entries.count == 4)
        #expect(glossary.entries[1] == Glossary.Entry(english: "mini-batch size", chinese: "小批量大小", aliases: ["批大小", "批量大小"]))
        #expect(glossary.entries[3].aliases.isEmpty)
        #expect(glossary.chinese(for: "epoch") == "迭代期")
    }

    @Test func badFilesNameTheLine() {
        #expect(throws: GlossaryError(source: "g.tsv", line: 1, message: "the first line must be the header 'english<TAB>chinese<TAB>aliases'")) {
            try Glossary(parsing: "perceptron\t感知机\n", source: "g.tsv")
        }
        #expect(throws: GlossaryError(source: "g.tsv", line: 2, message: "expected 2 or 3 tab-separated columns, found 1")) {
            try Glossary(parsing: "english\tchinese\taliases\nperceptron 感知机\n", source: "g.tsv")
        }
        #expect(throws: GlossaryError(source: "g.tsv", line: 1, message: "the file is empty")) {
            try Glossary(parsing: "# only a comment\n", source: "g.tsv")
        }
        #expect(throws: GlossaryError.self) { try Glossary.load(from: URL(fileURLWithPath: "/nonexistent/g.tsv")) }
    }

    @Test("an alias is reported, unless it lies inside a longer canonical term")
    func aliasUses() throws {
        let glossary = try Glossary(parsing: Self.sample, source: "g.tsv")
        #expect(glossary.aliasUses(in: "每个小批量大小为 10 的小批量。\nS 型神经元").isEmpty)
        let uses = glossary.aliasUses(in: "第一行\n取小批量数据，批大小为 10；S型神经元")
        #expect(uses.map(\.alias) == ["小批量数据", "批大小", "S型神经元"])
        #expect(uses.map(\.line) == [2, 2, 2])
        #expect(uses[0].description == "line 2: '小批量数据' is an alias; BackpropLab writes '小批量' for mini-batch")
    }

    @Test func markdownTable() throws {
        let glossary = try Glossary(parsing: Self.sample, source: "g.tsv")
        let lines = glossary.markdownTable().split(separator: "\n")
        #expect(lines.count == 6)
        #expect(lines[2] == "| mini-batch | 小批量 | 小批次、小批量数据 |")
        #expect(lines[5] == "| epoch | 迭代期 |  |")
    }

    @Test("lessons/glossary.tsv reads, and no alias of one term is another term's canonical word")
    func theRealGlossary() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("lessons/glossary.tsv")
        let glossary = try Glossary.load(from: url)
        #expect(glossary.entries.count >= 40)
        #expect(glossary.chinese(for: "sigmoid neuron") == "S 型神经元")
        #expect(glossary.chinese(for: "epoch") == "迭代期")
        let english = glossary.entries.map(\.english)
        #expect(Set(english).count == english.count, "an English term is listed twice")
        // Every canonical term passes its own check: no alias hides in a canonical term
        // except inside a longer one.
        for entry in glossary.entries {
            #expect(glossary.aliasUses(in: entry.chinese).isEmpty, "\(entry.english): \(entry.chinese)")
        }
    }
}
