/// The one place where unit names in plans are understood.
///
/// Plans name the units responsible for a task in compressed lists ("区发改、科经、商务局,各街道办事处");
/// the parser, the unit directory and reports all need single, fully written names. Every entry point
/// runs the same list grammar, never throws and never traps, whatever the input.
public enum UnitNames {
    /// Splits a list written in running text, as found after "责任单位:" / "牵头单位:" / "协办单位:".
    ///
    /// Separators are `、` (items sharing prefix and suffix), `，` `,` `；` `;` `。` (independent groups),
    /// and whitespace between complete names; bracketed notes are dropped and bracketed names become aliases.
    public static func parseList(_ text: String) -> [UnitName] {
        guard let cache = UnitListCache.current else { return read(text) }
        return cache.value(for: text, read: read)
    }

    /// Most lists are plain: complete names, each with its own level prefix and organisation suffix, between
    /// separators ("区发改局、区财政局，各街道办事处"). For those the grammar below changes nothing, so they are
    /// read directly; anything else — spaces, brackets, conjunctions, abbreviations to complete — takes the
    /// full grammar. A test checks both readings agree on every list in the seed plans.
    private static func read(_ text: String) -> [UnitName] {
        PlainList.units(in: text) ?? readWithGrammar(text)
    }

    /// The list grammar itself, uncached.
    static func readWithGrammar(_ text: String) -> [UnitName] {
        var units: [PendingUnit] = []
        for rawGroup in ListLexer.groups(in: TextNormalizer.prepare(text)) {
            var group: [PendingUnit] = []
            for item in rawGroup {
                let pieces = WrapJoiner.pieces(of: item)
                for (offset, piece) in pieces.enumerated() {
                    // A space or conjunction that separates names also ends the group: what follows is
                    // written out on its own.
                    if offset > 0 {
                        units += GroupCompleter.complete(group)
                        group = []
                    }
                    group.append(BracketExtractor.extract(piece))
                }
            }
            units += GroupCompleter.complete(group)
        }
        return UnitAssembler.assemble(units)
    }

    /// Splits a table cell whose names are separated by spaces, where a long name may be wrapped with a
    /// space inside it ("区园林和 林业局" is one unit). Cells use the same grammar as running text, so
    /// punctuation inside a cell ("区科经局、区发改局, 各街镇") is understood as well.
    public static func parseCell(_ text: String) -> [UnitName] {
        parseList(text)
    }

    /// One name in canonical form: full-width ASCII folded to half-width, all whitespace (including the
    /// ideographic space) removed, brackets unified to `（` `）`, markup and stray edge punctuation removed.
    /// Use it to compare names typed by people with names read from documents.
    public static func normalize(_ name: String) -> String {
        let compact = TextNormalizer.prepare(name).filter { !$0.isWhitespace }
        return ItemCleaner.trimEdges(compact, keepingBrackets: true)
    }

    /// True for names that stand for a set of units rather than one: they open with 各 / 相关 / 其他 / 有关,
    /// or speak of 各部门, 各成员单位, 区直单位, 直相关部门 and the like ("区人民政府各部门", "省直有关部门").
    public static func isCollective(_ name: String) -> Bool {
        NameShape.isCollective(normalize(name))
    }
}
