import Domain
import Foundation
import Store
import Testing

/// Test files shipped beside the tests.
enum Fixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func data(_ name: String) throws -> Data {
        try Data(contentsOf: directory.appendingPathComponent(name))
    }

    static func text(_ name: String) throws -> String {
        String(decoding: try data(name), as: UTF8.self)
    }

    /// The worked example of the shared docs, decoded.
    static func oisans() throws -> Territory {
        try TerritoryDecoder.decode(try data("oisans.json"))
    }

    /// A fresh in-memory database with the real migrations.
    static func database() throws -> AppDatabase { try AppDatabase.inMemory() }

    /// Imports `json` the way `releve import` does.
    static func importJSON(_ json: String, into database: AppDatabase) throws {
        try database.save(try TerritoryDecoder.decode(Data(json.utf8)))
    }
}

extension String {
    /// The text with the first occurrence of `target` replaced (the test fails if absent).
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = range(of: target) else {
            Issue.record("\"\(target)\" not found in fixture")
            return self
        }
        return replacingCharacters(in: range, with: replacement)
    }
}
