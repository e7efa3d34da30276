/// Distinct values, each stored once and known by its number (in order of first appearance).
struct NumberedValues<Value: Hashable> {
    var values: [Value] = []
    var numbers: [Value: Int32] = [:]

    /// The number of `value`, added when new.
    mutating func number(_ value: Value) -> Int32 {
        if let n = numbers[value] { return n }
        let n = Int32(clamping: values.count)  // 2³¹ distinct values would not fit in memory first
        values.append(value)
        numbers[value] = n
        return n
    }
}
