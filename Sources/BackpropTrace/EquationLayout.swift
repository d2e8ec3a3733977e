import BackpropEngine
import Rendering

/// Lays out a row of an equation as lines of monospaced text: every matrix with its
/// name and shape above it, brackets around it and its columns aligned on the
/// decimal point; operators centred between them.
///
///      w² (3×2)                 a¹ (2×1)
///     ⎡ 0.100000  0.200000 ⎤     ⎡ 1.000000 ⎤
///     ⎢ 0.300000 -0.400000 ⎥  ·  ⎣ 0.500000 ⎦
///     ⎣ 0.500000  0.600000 ⎦
struct EquationLayout {
    /// `.unicode` or `.ascii`.
    var notation: Notation

    /// The lines of one equation row, trailing spaces removed.
    func lines(_ row: [TraceTerm]) -> [String] {
        let bodyHeight = row.map { term -> Int in
            if case .matrix(_, let m) = term { return max(MatrixWindow(m).rows.count, 1) }
            return 1
        }.max() ?? 1
        let symbolLine = 1 + (bodyHeight - 1) / 2
        let blocks = row.map { term -> [String] in
            switch term {
            case .matrix(let name, let value):
                // Centre the matrix body on the operators' line.
                let block = matrixBlock(name: name, value)
                let offset = (bodyHeight - (block.count - 1)) / 2
                guard offset > 0 else { return block }
                return [block[0]] + Array(repeating: "", count: offset) + block.dropFirst()
            case .symbol(let symbol):
                var lines = Array(repeating: "", count: bodyHeight + 1)
                lines[symbolLine] = notation.spell(symbol)
                return lines
            }
        }
        var out = Array(repeating: "", count: bodyHeight + 1)
        for (index, block) in blocks.enumerated() {
            let width = block.map(displayWidth).max() ?? 0
            for i in out.indices {
                let cell = i < block.count ? block[i] : ""
                let padded = cell + String(repeating: " ", count: width - displayWidth(cell))
                out[i] += (index == 0 ? "" : "  ") + padded
            }
        }
        return out.map(trimmingTrailingSpaces)
    }

    /// The name line, then the bracketed rows.
    func matrixBlock(name: String, _ m: Matrix) -> [String] {
        let header = "\(notation.spell(name)) (\(m.rows)\(notation == .ascii ? "x" : "×")\(m.columns))"
        let ascii = notation == .ascii
        let window = MatrixWindow(m)
        let cells = window.cells(m, number: NumberFormat.cell, horizontal: ascii ? "..." : "…",
                                 vertical: ascii ? ":" : "⋮", diagonal: ascii ? "." : "⋱")
        let widths = window.columns.indices.map { k in cells.map { displayWidth($0[k]) }.max() ?? 0 }
        let rows = cells.map { row in
            zip(row, widths).map { String(repeating: " ", count: $1 - displayWidth($0)) + $0 }.joined(separator: "  ")
        }
        let body = rows.enumerated().map { j, text -> String in
            let (open, close) = brackets(row: j, of: cells.count)
            return "\(open) \(text) \(close)"
        }
        return [header] + (body.isEmpty ? ["[ ]"] : body)
    }

    private func brackets(row j: Int, of count: Int) -> (String, String) {
        if notation == .ascii || count == 1 { return ("[", "]") }
        if j == 0 { return ("⎡", "⎤") }
        if j == count - 1 { return ("⎣", "⎦") }
        return ("⎢", "⎥")
    }

    private func trimmingTrailingSpaces(_ s: String) -> String {
        var s = s
        while s.last == " " { s.removeLast() }
        return s
    }
}
