/// Reads JSON Lines: each non-blank line is one JSON object holding one comment.
///
/// The first object decides which keys hold the text, id, score, date and channel; a later object without
/// the text key is rejected. Strings, numbers and `true`/`false` are used as written; `null` counts as absent.
struct JSONLinesReader: RecordReader {
    /// How many lines the reader looks ahead for the first object, to report a missing text field up front.
    private static let lookAhead = 1_000

    private var lines: LineSource
    private var builder: RecordBuilder
    private let selection: ColumnSelection
    private var scanner = JSONObjectScanner()
    private(set) var resolvedColumns = ColumnSelection()
    private var keysResolved = false
    /// Outcomes read ahead while looking for the first object.
    private var pending: [ReadOutcome] = []
    private var pendingIndex = 0
    private var valueScratch: [UInt8] = []
    private var lineScratch: [UInt8] = []

    init(window: InputWindow, builder: RecordBuilder, selection: ColumnSelection) throws {
        lines = LineSource(window: window)
        self.builder = builder
        self.selection = selection
        var lookahead = RecordBatch()
        while !keysResolved, lookahead.count < Self.lookAhead, try readRecord(into: &lookahead) {}
        pending = lookahead.outcomes
    }

    var warnings: [String] { builder.warnings }
    var columns: [String] { [] }

    mutating func read(maxCount: Int, into batch: inout RecordBatch) throws {
        while batch.count < maxCount, pendingIndex < pending.count {
            batch.append(pending[pendingIndex])
            pendingIndex += 1
        }
        if pendingIndex == pending.count {
            pending = []
            pendingIndex = 0
        }
        while batch.count < maxCount, try readRecord(into: &batch) {}
    }

    /// Adds the next record's outcome to `batch`; returns `false` at the end of input.
    private mutating func readRecord(into batch: inout RecordBatch) throws -> Bool {
        while let (line, number) = try lines.next() {
            if try add(line, number, to: &batch) { return true }
        }
        return false
    }

    /// Adds the outcome for one line to `batch`; returns `false` for a blank line (which is no record).
    private mutating func add(_ line: UnsafeBufferPointer<UInt8>, _ number: Int, to batch: inout RecordBatch) throws -> Bool {
        let trimmed = ASCII.trimmed(line)
        guard !trimmed.isEmpty else { return false }
        do {
            if !keysResolved { try resolveKeys(trimmed) }
            try scanner.scan(trimmed)
        } catch let error as JSONObjectScanner.SyntaxError {
            batch.rejections.append(builder.rejection(line: number, "invalid JSON: \(error.message)"))
            return true
        }
        var fields = Self.decodeValues(trimmed, captured: scanner.values, scratch: &valueScratch)
        if fields.hasNotUTF8 {
            builder.noteWindows1252()
            Windows1252.transcode(trimmed, into: &lineScratch)
            let transcoded = lineScratch
            var rescan = scanner
            fields = transcoded.withUnsafeBufferPointer { bytes in
                try? rescan.scan(bytes)
                return Self.decodeValues(bytes, captured: rescan.values, scratch: &valueScratch)
            }
        }
        let text = scanner.values[ColumnRole.text.rawValue]
        if text == .absent || isNested(text) {
            let id = if case .text(let value) = fields.id { value } else { String(number) }
            let name = resolvedColumns.text ?? ""
            batch.rejections.append(builder.rejection(
                line: number, id: id,
                text == .absent ? "missing text field '\(name)'" : "text field '\(name)' is an object or array, not text"))
            return true
        }
        builder.add(line: number, fields: &fields, to: &batch)
        return true
    }

    private func isNested(_ value: JSONObjectScanner.Value) -> Bool {
        if case .nested = value { return true }
        return false
    }

    /// The fields of `line` from its captured values, indexed by `ColumnRole`.
    ///
    /// Static, with the scratch passed in, so that the scanner's values are read in place: a mutating
    /// method would have had to retain them first.
    private static func decodeValues(
        _ line: UnsafeBufferPointer<UInt8>, captured: [JSONObjectScanner.Value], scratch valueScratch: inout [UInt8]
    ) -> RecordFields {
        RecordFields { role in
            switch captured[role.rawValue] {
            case .absent, .null:
                return .absent
            case .string(let range, escaped: false), .literal(let range), .nested(let range):
                return RecordBuilder.decode(UnsafeBufferPointer(rebasing: line[range]))
            case .string(let range, escaped: true):
                JSONObjectScanner.unescape(UnsafeBufferPointer(rebasing: line[range]), into: &valueScratch)
                return valueScratch.withUnsafeBufferPointer(RecordBuilder.decode)
            }
        }
    }

    /// Decides the keys from the first object's keys; a line that isn't an object throws `SyntaxError`.
    private mutating func resolveKeys(_ line: UnsafeBufferPointer<UInt8>) throws {
        scanner.collectsKeys = true
        defer { scanner.collectsKeys = false }
        try scanner.scan(line)
        var keys: [String] = []
        for key in scanner.keys {
            guard case .string(let range, _) = key else { continue }
            JSONObjectScanner.unescape(UnsafeBufferPointer(rebasing: line[range]), into: &valueScratch)
            if valueScratch.withUnsafeBufferPointer(UTF8.isValid) {
                keys.append(String(decoding: valueScratch, as: UTF8.self))
            } else {
                builder.noteWindows1252()
                let raw = valueScratch
                raw.withUnsafeBufferPointer { Windows1252.transcode($0, into: &valueScratch) }
                keys.append(String(decoding: valueScratch, as: UTF8.self))
            }
        }
        let resolved = try ColumnRole.resolve(keys, selection: selection, file: builder.label, kind: "field")
        let names = resolved.map { $0.map { keys[$0] } }
        resolvedColumns = ColumnSelection(text: names[0], id: names[1], score: names[2], date: names[3], channel: names[4])
        scanner.targets = names.map { $0.map { Array($0.utf8).map(JSONObjectScanner.foldCase) } }
        keysResolved = true
    }
}
