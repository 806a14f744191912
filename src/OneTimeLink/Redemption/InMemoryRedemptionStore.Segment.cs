namespace OneTimeLink.Redemption;

internal sealed partial class InMemoryRedemptionStore
{
    /// <summary>
    /// One lock's share of the store: an open-addressing table with linear probing. Entries are never removed one by one:
    /// the segment is rebuilt without its expired entries, at the size its live ones need, when
    /// <list type="bullet">
    /// <item><description>three quarters of its slots are taken (which keeps probe runs short), or</description></item>
    /// <item><description>every entry the previous rebuild kept has expired (which follows the live links down when traffic
    /// falls; every redemption looks at one other segment in turn for this, so it holds for segments new ids rarely reach).</description></item>
    /// </list>
    /// A rebuild costs the segment's size and is paid for by the redemptions before it: one of the first kind comes after
    /// at least a quarter of the slots filled since the last rebuild (the table grows by doubling, or its expired entries
    /// make room), and an entry outlives at most one rebuild of the second kind (the next falls due only once it has
    /// expired). So sweeping costs a few slot moves per redemption, a segment holds about twice the links live in it or
    /// fewer, and no request rebuilds more than two segments (its own, and the one it looks at in turn), a sixteenth of
    /// the store.
    /// </summary>
    private sealed class Segment
    {
        private const int MinimumSize = 16;

        private readonly InMemoryRedemptionStore _store;
        private readonly object _lock = new();
        private Entry[] _entries = new Entry[MinimumSize];

        // The table before the last rebuild, cleared: a rebuild that keeps the size swaps back to it and allocates nothing.
        private Entry[]? _spare;
        private int _used;

        // The latest second any entry kept by the last rebuild may be dropped: once it has passed, all of them have expired.
        private uint _keptUntil;

        public Segment(InMemoryRedemptionStore store)
        {
            _store = store;
        }

        /// <summary>Records <paramref name="id"/>: true when it is new, false when it is recorded already, null when the store is full.</summary>
        public bool? TryAdd(string id, int hash, uint keepUntil, uint now)
        {
            lock (_lock)
            {
                int slot = Find(_entries, id, hash);
                if (_entries[slot].Id is not null)
                {
                    return false;
                }

                if (!_store.TryReserve())
                {
                    return null;
                }

                if (_used + 1 > _entries.Length / 4 * 3 || (_used > 0 && _keptUntil <= now))
                {
                    Rebuild(now);
                    slot = Find(_entries, id, hash);
                }

                _entries[slot] = new Entry(id, hash, keepUntil);
                _used++;
                return true;
            }
        }

        /// <summary>Rebuilds the segment when every entry the last rebuild kept has expired.</summary>
        public void SweepIfDue(uint now)
        {
            // A first look without the lock: most of the time nothing is due, and the redemption takes no second lock.
            if (Volatile.Read(ref _keptUntil) > now || Volatile.Read(ref _used) == 0)
            {
                return;
            }

            lock (_lock)
            {
                if (_used > 0 && _keptUntil <= now)
                {
                    Rebuild(now);
                }
            }
        }

        /// <summary>Drops the expired entries now, for a store at its capacity.</summary>
        public void Sweep(uint now)
        {
            lock (_lock)
            {
                if (_used > 0)
                {
                    Rebuild(now);
                }
            }
        }

        /// <summary>The slot holding <paramref name="id"/>, or the empty slot where it belongs.</summary>
        private static int Find(Entry[] entries, string id, int hash)
        {
            // The segment was picked with the hash's low bits; its high bits pick the slot. The table is never full.
            int mask = entries.Length - 1;
            int slot = (int)(((ulong)(uint)hash * (ulong)entries.Length) >> 32);
            while (entries[slot].Id is { } held && !(entries[slot].Hash == hash && string.Equals(held, id, StringComparison.Ordinal)))
            {
                slot = (slot + 1) & mask;
            }

            return slot;
        }

        /// <summary>
        /// Moves the live entries to a table where they and one more fill at most half the slots, dropping the expired
        /// ones. The size only changes when it falls outside twice that, so a segment at a steady size swaps between its
        /// two tables.
        /// </summary>
        private void Rebuild(uint now)
        {
            Entry[] old = _entries;
            int live = 0;
            foreach (Entry entry in old)
            {
                if (entry.Id is not null && entry.KeepUntil > now)
                {
                    live++;
                }
            }

            int needed = MinimumSize;
            while (needed < (live + 1) * 2)
            {
                needed *= 2;
            }

            int size = old.Length >= needed && old.Length <= needed * 2 ? old.Length : needed;
            Entry[] rebuilt = _spare is { } spare && spare.Length == size ? spare : new Entry[size];
            uint keptUntil = 0;
            foreach (Entry entry in old)
            {
                if (entry.Id is not null && entry.KeepUntil > now)
                {
                    rebuilt[Find(rebuilt, entry.Id, entry.Hash)] = entry;
                    keptUntil = Math.Max(keptUntil, entry.KeepUntil);
                }
            }

            if (old.Length == size)
            {
                // Cleared, so the expired ids it held can be collected.
                Array.Clear(old);
                _spare = old;
            }
            else
            {
                _spare = null;
            }

            _entries = rebuilt;
            _store.Release(_used - live);
            _used = live;
            _keptUntil = keptUntil;
        }
    }
}
