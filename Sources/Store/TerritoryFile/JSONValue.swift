import Foundation

/// A parsed JSON document, kept as values so that the `releve/1` reader can be strict
/// (unknown keys, wrong types) and name the path of every problem.
enum JSONValue: Decodable, Equatable {
    case null
    case bool(Bool)
    case integer(Int)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null; return }
        if let value = try? container.decode(Bool.self) { self = .bool(value); return }
        if let value = try? container.decode(Int.self) { self = .integer(value); return }
        if let value = try? container.decode(Double.self) { self = .number(value); return }
        if let value = try? container.decode(String.self) { self = .string(value); return }
        if let value = try? container.decode([JSONValue].self) { self = .array(value); return }
        self = .object(try container.decode([String: JSONValue].self))
    }

    /// Parses `data`, or says in French/English-neutral terms where it went wrong.
    static func parse(_ data: Data) throws(JSONParseFailure) -> JSONValue {
        do {
            return try JSONDecoder().decode(JSONValue.self, from: data)
        } catch let DecodingError.dataCorrupted(context) {
            let underlying = (context.underlyingError as? NSError)?.userInfo[NSDebugDescriptionErrorKey] as? String
            throw JSONParseFailure(detail: underlying ?? context.debugDescription)
        } catch {
            throw JSONParseFailure(detail: String(describing: error))
        }
    }
}

struct JSONParseFailure: Error {
    let detail: String
}
