import ArgumentParser
import Testing
@testable import CommandLineSupport

@Suite("Command-line arguments")
struct ArgumentsTests {
    @Test("good size lists parse")
    func goodSizes() throws {
        #expect(try LayerSizes.parse("784,30,10").values == [784, 30, 10])
        #expect(try LayerSizes.parse(" 2, 3 ,1").values == [2, 3, 1])
    }

    @Test("bad size lists explain themselves", arguments: [
        ("784,,10", "not a whole number"), ("0", "1 to 100000"), ("-3", "1 to 100000"),
        ("784", "at least two layers"), ("784,100000000,10", "1 to 100000"),
        ("784,100000,1000", "more than this tool trains"), ("a,b", "not a whole number"), ("", "not a whole number"),
    ])
    func badSizes(text: String, reason: String) {
        #expect {
            try LayerSizes.parse(text)
        } throws: { error in
            "\(error)".contains(reason)
        }
    }

    @Test("number lists parse and reject junk")
    func numberLists() {
        #expect(NumberList(argument: "0.05,0.1")?.values == [0.05, 0.1])
        #expect(NumberList(argument: "1,,2") == nil)
        #expect(NumberList(argument: "nan") == nil)
    }
}
