/// The mutations the reader's fast-path tests make to a seed part before comparing both paths.
enum ByteMutation {
    /// One to four random edits of `bytes`: a byte replaced by or inserted from `alphabet`, or removed.
    static func mutate(_ bytes: inout [UInt8], from alphabet: [UInt8], using generator: inout some RandomNumberGenerator) {
        for _ in 0..<Int.random(in: 1...4, using: &generator) {
            let at = Int.random(in: 0..<bytes.count, using: &generator)
            switch Int.random(in: 0..<3, using: &generator) {
            case 0: bytes[at] = alphabet.randomElement(using: &generator)!
            case 1: bytes.insert(alphabet.randomElement(using: &generator)!, at: at)
            default: bytes.remove(at: at)
            }
        }
    }
}
