/// Where a value is in a JSON text, rendered as its RFC 6901 pointer only when a problem or a note
/// names it: most values are read without one, and rendering every member's and element's pointer
/// was about a tenth of decoding. A place is its last step and the place of the object or array
/// holding it (shared, one allocation per object or array read).
struct JSONPlace {
    private let container: Container?
    private let step: Step

    /// The last step: the prefix a decoding starts at (`""`, `"/0"`), a member's key (as it is
    /// written into the pointer), or an element's index.
    private enum Step {
        case root(String)
        case key(String)
        case index(Int)
    }

    /// The place of an object or array, shared by the places of its members or elements.
    final class Container {
        fileprivate let place: JSONPlace
        init(_ place: JSONPlace) { self.place = place }

        /// The pointer of the object or array.
        var pointer: String { place.pointer }
    }

    /// The place a decoding starts at, with the pointer `prefix` (`""` for a file's only sheet).
    static func root(_ prefix: String) -> JSONPlace { JSONPlace(container: nil, step: .root(prefix)) }

    /// The member `key` of the object at `container`.
    static func member(_ key: String, of container: Container) -> JSONPlace { JSONPlace(container: container, step: .key(key)) }

    /// The element `index` of the array at `container`.
    static func element(_ index: Int, of container: Container) -> JSONPlace { JSONPlace(container: container, step: .index(index)) }

    /// The pointer: the root's prefix, then `/key` or `/index` for every step.
    var pointer: String {
        var steps: [Step] = [step]
        var next = container
        while let c = next {
            steps.append(c.place.step)
            next = c.place.container
        }
        var out = ""
        for s in steps.reversed() {
            switch s {
            case .root(let prefix): out += prefix
            case .key(let key): out += "/" + key
            case .index(let index): out += "/" + String(index)
            }
        }
        return out
    }
}
