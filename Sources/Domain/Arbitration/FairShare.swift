/// Max-min fair sharing (rules.md §3.3.1): each request gets the smaller of its need and an
/// equal share; what one does not use is shared again among the rest; the minutes left by
/// the integer division go one by one in the given order.
public enum FairShare {
    /// The minutes each need receives from `capacity`, in the order of `needs`.
    public static func share(_ capacity: Int, among needs: [Int]) -> [Int] {
        var given = Array(repeating: 0, count: needs.count)
        var open = Array(needs.indices).filter { needs[$0] > 0 }
        var left = max(0, capacity)
        while !open.isEmpty {
            let equal = left / open.count
            let satisfied = open.filter { needs[$0] <= equal }
            if satisfied.isEmpty {
                for i in open { given[i] = equal }
                var extra = left - equal * open.count
                for i in open where extra > 0 {
                    given[i] += 1
                    extra -= 1
                }
                return given
            }
            for i in satisfied {
                given[i] = needs[i]
                left -= needs[i]
            }
            open.removeAll { needs[$0] <= equal }
        }
        return given
    }
}
