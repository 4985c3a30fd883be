/// Agents ordered by capacity left that day, most first, lowest code on a tie (rules.md §3.5):
/// an indexed binary heap, so that taking minutes from any agent stays O(log n).
struct CapacityHeap {
    /// Capacity left per agent index (agent indices follow code order).
    private(set) var capacity: [Int]
    private var heap: [Int] = []
    private var position: [Int]

    init(capacity: [Int]) {
        self.capacity = capacity
        position = Array(repeating: -1, count: capacity.count)
        heap = capacity.indices.filter { capacity[$0] > 0 }
        for (i, agent) in heap.enumerated() { position[agent] = i }
        var i = heap.count / 2 - 1
        while i >= 0 {
            siftDown(i)
            i -= 1
        }
    }

    /// The agent with the most capacity left, nil when every agent is full.
    var top: Int? { heap.first }

    /// Takes up to `minutes` from `agent` and returns how many were taken.
    mutating func take(_ minutes: Int, from agent: Int) -> Int {
        let taken = min(minutes, capacity[agent])
        guard taken > 0 else { return 0 }
        capacity[agent] -= taken
        let i = position[agent]
        if capacity[agent] == 0 {
            remove(at: i)
        } else {
            siftDown(i)
        }
        return taken
    }

    private func before(_ a: Int, _ b: Int) -> Bool {
        capacity[a] != capacity[b] ? capacity[a] > capacity[b] : a < b
    }

    private mutating func remove(at i: Int) {
        let agent = heap[i]
        let last = heap.count - 1
        if i != last {
            heap.swapAt(i, last)
            position[heap[i]] = i
        }
        heap.removeLast()
        position[agent] = -1
        if i < heap.count {
            siftDown(i)
            siftUp(i)
        }
    }

    private mutating func siftDown(_ start: Int) {
        var i = start
        while true {
            let l = 2 * i + 1, r = l + 1
            var best = i
            if l < heap.count, before(heap[l], heap[best]) { best = l }
            if r < heap.count, before(heap[r], heap[best]) { best = r }
            if best == i { return }
            heap.swapAt(i, best)
            position[heap[i]] = i
            position[heap[best]] = best
            i = best
        }
    }

    private mutating func siftUp(_ start: Int) {
        var i = start
        while i > 0 {
            let parent = (i - 1) / 2
            guard before(heap[i], heap[parent]) else { return }
            heap.swapAt(i, parent)
            position[heap[i]] = i
            position[heap[parent]] = parent
            i = parent
        }
    }
}
