/** Python for the exported script — src/core/random.ts: sfc32 seeded by splitmix32, so the same seed draws the same numbers as the page. */
export const pyRandom = String.raw`
M32 = 0xFFFFFFFF


class Random:
    """src/core/random.ts: sfc32 seeded by splitmix32 — the same draws as the page."""

    def __init__(self, seed):
        state = [seed & M32]

        def splitmix():
            state[0] = (state[0] + 0x9E3779B9) & M32
            z = state[0]
            z = ((z ^ (z >> 16)) * 0x85EBCA6B) & M32
            z = ((z ^ (z >> 13)) * 0xC2B2AE35) & M32
            return (z ^ (z >> 16)) & M32

        self.a, self.b, self.c, self.d = splitmix(), splitmix(), splitmix(), splitmix()
        for _ in range(12):
            self.next()

    def next(self):
        t = (((self.a + self.b) & M32) + self.d) & M32
        self.d = (self.d + 1) & M32
        self.a = (self.b ^ (self.b >> 9)) & M32
        self.b = (self.c + (self.c << 3)) & M32
        self.c = ((self.c << 21) | (self.c >> 11)) & M32
        self.c = (self.c + t) & M32
        return t / 4294967296

    def uniform(self, low, high):
        return low + (high - low) * self.next()

    def int(self, n):
        return math.floor(self.next() * n)

    def bernoulli(self, p):
        return self.next() < p

    def normal(self):
        u = 0.0
        while u == 0.0:
            u = self.next()
        return math.sqrt(-2 * math.log(u)) * math.cos(2 * math.pi * self.next())

    def shuffle(self, items):
        for i in range(len(items) - 1, 0, -1):
            j = self.int(i + 1)
            items[i], items[j] = items[j], items[i]
        return items

    def fork(self):
        return Random(math.floor(self.next() * 4294967296))
`;
