import Foundation

/// A parsed JSON document, kept as values so that the `releve/1` reader can be strict
/// (unknown keys, wrong types) and name the path of every problem.
enum JSONValue: Equatable {
    case null
    case bool(Bool)
    case integer(Int)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// Parses `data` (RFC 8259), or says at which line and column it went wrong.
    ///
    /// A small parser of our own rather than `JSONDecoder` or `JSONSerialization`: both lose
    /// the difference between `1` and `true` or cost seconds on a national territory through
    /// bridging, and neither says where a truncated file stops in terms a coordinator can use.
    static func parse(_ data: Data) throws(JSONParseFailure) -> JSONValue {
        var parser = JSONParser(bytes: [UInt8](data))
        return try parser.document()
    }
}

/// Where and why a document is not JSON.
struct JSONParseFailure: Error {
    let detail: String
}

private struct JSONParser {
    let bytes: [UInt8]
    var index = 0

    init(bytes: [UInt8]) { self.bytes = bytes }

    mutating func document() throws(JSONParseFailure) -> JSONValue {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
        let value = try self.value(depth: 0)
        skipSpace()
        guard index == bytes.count else { throw failure("texte en trop après la fin du document") }
        return value
    }

    func failure(_ what: String) -> JSONParseFailure {
        var line = 1, column = 1
        for byte in bytes[..<min(index, bytes.count)] {
            if byte == UInt8(ascii: "\n") { line += 1; column = 1 } else if byte & 0xC0 != 0x80 { column += 1 }
        }
        let place = index >= bytes.count ? "fin du fichier atteinte" : "ligne \(line), colonne \(column)"
        return JSONParseFailure(detail: "\(what), \(place)")
    }

    mutating func skipSpace() {
        while index < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[index]) { index += 1 }
    }

    mutating func value(depth: Int) throws(JSONParseFailure) -> JSONValue {
        guard depth < 256 else { throw failure("imbrication trop profonde") }
        skipSpace()
        guard index < bytes.count else { throw failure("valeur attendue") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try object(depth: depth)
        case UInt8(ascii: "["): return try array(depth: depth)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
        default: throw failure("caractère inattendu « \(Character(Unicode.Scalar(bytes[index]))) »")
        }
    }

    mutating func literal(_ word: String) throws(JSONParseFailure) {
        let expected = Array(word.utf8)
        guard bytes.count - index >= expected.count, Array(bytes[index..<index + expected.count]) == expected else {
            throw failure("« \(word) » attendu")
        }
        index += expected.count
    }

    mutating func object(depth: Int) throws(JSONParseFailure) -> JSONValue {
        index += 1
        var fields: [String: JSONValue] = [:]
        skipSpace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") { index += 1; return .object(fields) }
        while true {
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw failure("nom de clé entre guillemets attendu") }
            let key = try string()
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw failure("« : » attendu après la clé « \(key) »") }
            index += 1
            guard fields[key] == nil else { throw failure("clé « \(key) » en double") }
            fields[key] = try value(depth: depth + 1)
            skipSpace()
            guard index < bytes.count else { throw failure("« } » attendu") }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            if bytes[index] == UInt8(ascii: "}") { index += 1; return .object(fields) }
            throw failure("« , » ou « } » attendu")
        }
    }

    mutating func array(depth: Int) throws(JSONParseFailure) -> JSONValue {
        index += 1
        var items: [JSONValue] = []
        skipSpace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") { index += 1; return .array(items) }
        while true {
            items.append(try value(depth: depth + 1))
            skipSpace()
            guard index < bytes.count else { throw failure("« ] » attendu") }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            if bytes[index] == UInt8(ascii: "]") { index += 1; return .array(items) }
            throw failure("« , » ou « ] » attendu")
        }
    }

    mutating func string() throws(JSONParseFailure) -> String {
        index += 1
        let start = index
        // Fast path: no escapes.
        while index < bytes.count, bytes[index] != UInt8(ascii: "\""), bytes[index] != UInt8(ascii: "\\"), bytes[index] >= 0x20 {
            index += 1
        }
        guard index < bytes.count else { throw failure("chaîne non terminée") }
        if bytes[index] == UInt8(ascii: "\"") {
            defer { index += 1 }
            return try decoded(bytes[start..<index])
        }
        var out = Array(bytes[start..<index])
        while true {
            guard index < bytes.count else { throw failure("chaîne non terminée") }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") { index += 1; return try decoded(out[...]) }
            guard byte >= 0x20 else { throw failure("caractère de contrôle dans une chaîne") }
            if byte != UInt8(ascii: "\\") { out.append(byte); index += 1; continue }
            index += 1
            guard index < bytes.count else { throw failure("chaîne non terminée") }
            let escape = bytes[index]
            index += 1
            switch escape {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(escape)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try hex4()
                if (0xD800...0xDBFF).contains(scalar) {
                    guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                        throw failure("paire de substitution incomplète")
                    }
                    index += 2
                    let low = try hex4()
                    guard (0xDC00...0xDFFF).contains(low) else { throw failure("paire de substitution invalide") }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                }
                guard let unicode = Unicode.Scalar(scalar) else { throw failure("caractère \\u invalide") }
                out.append(contentsOf: Array(String(Character(unicode)).utf8))
            default: throw failure("échappement \\\(Character(Unicode.Scalar(escape))) inconnu")
            }
        }
    }

    mutating func hex4() throws(JSONParseFailure) -> UInt32 {
        guard bytes.count - index >= 4 else { throw failure("4 chiffres hexadécimaux attendus") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - 48)
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - 87)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - 55)
            default: throw failure("chiffre hexadécimal attendu")
            }
            value = value * 16 + digit
            index += 1
        }
        return value
    }

    func decoded(_ slice: ArraySlice<UInt8>) throws(JSONParseFailure) -> String {
        guard let text = String(validating: slice, as: UTF8.self) else { throw failure("texte qui n'est pas de l'UTF-8 valide") }
        return text
    }

    mutating func number() throws(JSONParseFailure) -> JSONValue {
        let start = index
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        let digitsStart = index
        while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
        guard index > digitsStart else { throw failure("chiffre attendu") }
        if bytes[digitsStart] == UInt8(ascii: "0"), index - digitsStart > 1 { throw failure("zéro initial interdit") }
        var integral = true
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            integral = false
            index += 1
            let fraction = index
            while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
            guard index > fraction else { throw failure("chiffre attendu après le point") }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            integral = false
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            let exponent = index
            while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
            guard index > exponent else { throw failure("exposant attendu") }
        }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        if integral, let value = Int(text) { return .integer(value) }
        guard let value = Double(text) else { throw failure("nombre illisible") }
        return .number(value)
    }
}
