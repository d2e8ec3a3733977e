import BackpropEngine
import Pictures
import Rendering

/// Draws 28×28 digits: in the terminal with Unicode half blocks (two pixel rows per
/// text line), and as a PNG grid.
public enum DigitPicture {
    /// The side of an MNIST image in pixels.
    public static let side = 28

    /// The digit as `side / 2` lines of `side` characters: ▀ ▄ █ or space, each pixel
    /// "ink" when its intensity is at least 0.5.
    public static func lines(_ pixels: Vector) -> [String] {
        func ink(_ row: Int, _ column: Int) -> Bool {
            let i = row * side + column
            return i < pixels.count && pixels[i] >= 0.5
        }
        return stride(from: 0, to: side, by: 2).map { row in
            String((0..<side).map { column -> Character in
                switch (ink(row, column), ink(row + 1, column)) {
                case (true, true): "█"
                case (true, false): "▀"
                case (false, true): "▄"
                case (false, false): " "
                }
            })
        }
    }

    /// Several digits side by side, each with a caption under it (e.g. "4 → 9"),
    /// `perRow` to a row of pictures.
    public static func text(_ digits: [(pixels: Vector, caption: String)], perRow: Int = 4) -> String {
        var blocks: [String] = []
        var start = 0
        while start < digits.count {
            let group = digits[start..<min(start + perRow, digits.count)]
            let pictures = group.map { lines($0.pixels) }
            var rows: [String] = []
            for line in 0..<(side / 2) {
                rows.append(pictures.map { "│" + $0[line] + "│" }.joined(separator: " "))
            }
            rows.append(group.map { caption in
                let text = String(caption.caption.prefix(side))
                let padding = side + 2 - displayWidth(text)
                return String(repeating: " ", count: padding / 2) + text + String(repeating: " ", count: padding - padding / 2)
            }.joined(separator: " "))
            blocks.append(rows.map { $0.replacingTrailingSpaces() }.joined(separator: "\n"))
            start += perRow
        }
        return blocks.joined(separator: "\n\n")
    }

    /// A PNG grid of digits, white ink on black as in MNIST, `scale` screen pixels per
    /// digit pixel and a grey border between cells.
    public static func grid(_ digits: [Vector], columns: Int = 10, scale: Int = 2) -> PNGImage {
        let columns = max(1, min(columns, digits.count))
        let rows = max(1, (digits.count + columns - 1) / columns)
        let cell = side * scale + 2
        var image = PNGImage(width: columns * cell + 2, height: rows * cell + 2, fill: (128, 128, 128))
        for (index, pixels) in digits.enumerated() {
            let (originX, originY) = (2 + (index % columns) * cell, 2 + (index / columns) * cell)
            for y in 0..<side {
                for x in 0..<side {
                    let i = y * side + x
                    let value = i < pixels.count ? min(1, max(0, pixels[i])) : 0
                    let level = UInt8((value * 255).rounded())
                    for dy in 0..<scale {
                        for dx in 0..<scale {
                            image.set(x: originX + x * scale + dx, y: originY + y * scale + dy, (level, level, level))
                        }
                    }
                }
            }
        }
        return image
    }
}

private extension String {
    /// The string without trailing spaces, so terminal output has no invisible tails.
    func replacingTrailingSpaces() -> String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
