import BackpropEngine

/// The part of a matrix a trace shows: everything up to `limit` rows and columns;
/// past that the first `limit − 2`, an ellipsis, and the last — so a 30×784 weight
/// matrix stays readable. Names keep the full shape, e.g. `w² (30×784)`.
struct MatrixWindow {
    /// The most rows or columns shown in full.
    static let limit = 12

    /// The row indices to show, `nil` marking the ellipsis.
    let rows: [Int?]
    /// The column indices to show, `nil` marking the ellipsis.
    let columns: [Int?]

    init(_ m: Matrix) {
        rows = Self.shown(m.rows)
        columns = Self.shown(m.columns)
    }

    private static func shown(_ count: Int) -> [Int?] {
        count <= limit ? Array(0..<count) : Array(0..<(limit - 2)) + [nil, count - 1]
    }

    /// The cells as text: numbers by `number`, the ellipses by `horizontal`, `vertical`
    /// and `diagonal`.
    func cells(_ m: Matrix, number: (Double) -> String, horizontal: String, vertical: String, diagonal: String) -> [[String]] {
        rows.map { j in
            columns.map { k in
                switch (j, k) {
                case let (j?, k?): number(m[j, k])
                case (_?, nil): horizontal
                case (nil, _?): vertical
                case (nil, nil): diagonal
                }
            }
        }
    }
}
