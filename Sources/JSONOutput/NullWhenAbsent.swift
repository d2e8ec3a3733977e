/// A member written as `null` when it has no value. The writer leaves a nil optional
/// out (`NodeEncoder`, like Foundation's `JSONEncoder`); a document whose layout
/// promises the key in every case — gradcheck's `"bug": null` for the correct engine,
/// `"diagnosis": null` when the check passes — declares the member `@NullWhenAbsent`
/// and keeps the synthesized `Encodable` (the key order is its `CodingKeys` order).
@propertyWrapper
public struct NullWhenAbsent<Value: Encodable>: Encodable {
    public var wrappedValue: Value?

    public init(wrappedValue: Value?) {
        self.wrappedValue = wrappedValue
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let wrappedValue {
            try container.encode(wrappedValue)
        } else {
            try container.encodeNil()
        }
    }
}

extension NullWhenAbsent: Sendable where Value: Sendable {}

extension NullWhenAbsent: Equatable where Value: Equatable {}
