interface Entry<T> {
  value: T;
  expiresAt: number;
  size: number;
}

export interface BoundedCacheOptions<T> {
  maxEntries: number;
  maxBytes?: number;
  sizeOf?: (value: T) => number;
  now?: () => number;
}

/** In-memory TTL cache with LRU eviction by entry count and approximate byte size. */
export class BoundedCache<T> {
  private readonly entries = new Map<string, Entry<T>>();
  private readonly maxEntries: number;
  private readonly maxBytes: number;
  private readonly sizeOf: (value: T) => number;
  private readonly now: () => number;
  private bytes = 0;
  /** The key last set or read, the Map's last entry: reading it again needs no reordering. */
  private newest: string | undefined;

  constructor(options: BoundedCacheOptions<T>) {
    this.maxEntries = options.maxEntries;
    this.maxBytes = options.maxBytes ?? Number.POSITIVE_INFINITY;
    this.sizeOf = options.sizeOf ?? (() => 0);
    this.now = options.now ?? Date.now;
  }

  get size(): number {
    return this.entries.size;
  }

  get(key: string): T | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.delete(key);
      return undefined;
    }
    if (key !== this.newest) {
      this.entries.delete(key);
      this.entries.set(key, entry);
      this.newest = key;
    }
    return entry.value;
  }

  set(key: string, value: T, ttlSeconds: number): boolean {
    const size = this.sizeOf(value);
    if (size > this.maxBytes || ttlSeconds <= 0) return false;
    this.delete(key);
    this.entries.set(key, { value, expiresAt: this.now() + ttlSeconds * 1000, size });
    this.newest = key;
    this.bytes += size;
    this.evict();
    return true;
  }

  delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.bytes -= entry.size;
    this.entries.delete(key);
    if (key === this.newest) this.newest = undefined;
  }

  private evict(): void {
    for (const key of this.entries.keys()) {
      if (this.entries.size <= this.maxEntries && this.bytes <= this.maxBytes) return;
      this.delete(key);
    }
  }
}
